package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kustomize {@code replacements} (and the ReplacementTransformer): copies a value from a field of one
 * object (or a literal {@code sourceValue}) into fields of the objects the targets select, optionally
 * one part of a delimited string, creating missing fields on request. Entries are inline or a
 * {@code path:} to a file holding one replacement or a list of them. Semantics and messages follow
 * api/filters/replacement/replacement.go and api/types/replacement.go.
 */
final class Replacements {
    private static final List<String> ENTRY_KEYS = List.of("path", "source", "targets", "sourceValue");

    /** Where the value comes from: a selected object's field, or a literal. */
    record Source(ResId id, String fieldPath, Options options) {
    }

    /** {@code options}: part of a delimited string ({@code delimiter}, {@code index}) and {@code create}. */
    record Options(String delimiter, int index, boolean create) {
        static final Options NONE = new Options("", 0, false);
    }

    /** Which objects ({@code select}, minus {@code reject}) and which of their fields receive the value. */
    record Target(ObjectSelector select, List<ObjectSelector> reject, List<String> fieldPaths, Options options) {
    }

    /** One replacement; {@code where} names it in messages ({@code kustomization.yaml: replacements[0]}). */
    record Replacement(String where, Source source, String sourceValue, List<Target> targets) {
    }

    private Replacements() {
    }

    /** The {@code replacements} of a kustomization file, with {@code path:} entries read. */
    static List<Replacement> read(SourceTree tree, String directory, String file, YamlFields f) {
        List<Replacement> out = new ArrayList<>();
        for (YamlFields entry : f.list("replacements")) {
            out.addAll(entries(tree, directory, file, entry));
        }
        return out;
    }

    /** The entries of a ReplacementTransformer configuration ({@code replacements:} as in a kustomization). */
    static List<Replacement> entries(SourceTree tree, String directory, String file, YamlFields entry) {
        YamlFields e = GoJsonKeys.canonical(entry, ENTRY_KEYS);
        e.onlyKeys(ENTRY_KEYS);
        if (!e.has("path")) {
            return List.of(replacement(e));
        }
        if (e.has("source") || e.has("targets")) {
            throw new InvalidInputException(e.where() + ": cannot specify both path and inline replacement");
        }
        String path = KustomizeFiles.file(directory, e.string("path"), e.where());
        if (!tree.isFile(path)) {
            throw new InvalidInputException(e.where() + ": replacement file " + path + " not found; check the path");
        }
        Object content = SafeYaml.load(tree.read(path), path);
        List<Replacement> out = new ArrayList<>();
        if (content instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(replacement(GoJsonKeys.canonical(YamlFields.of(list.get(i), path + ": [" + i + "]"),
                        ENTRY_KEYS)));
            }
        } else if (content instanceof Map<?, ?>) {
            out.add(replacement(GoJsonKeys.canonical(YamlFields.of(content, path), ENTRY_KEYS)));
        } else {
            throw new InvalidInputException(path + ": a replacement file must hold a replacement (source and targets)"
                    + " or a list of them, found " + ManifestDocuments.describe(content));
        }
        return out;
    }

    private static Replacement replacement(YamlFields e) {
        e.onlyKeys(List.of("source", "targets", "sourceValue"));
        if (!e.has("source") && !e.has("sourceValue") || !e.has("targets")) {
            throw new InvalidInputException(e.where() + ": replacements must specify a source and at least one target");
        }
        if (e.has("source") && e.has("sourceValue")) {
            throw new InvalidInputException(e.where() + ": value and resource selectors are mutually exclusive;"
                    + " give either source or sourceValue");
        }
        Source source = null;
        if (e.has("source")) {
            YamlFields s = GoJsonKeys.canonical(e.object("source"),
                    List.of("group", "version", "kind", "name", "namespace", "fieldPath", "options"));
            s.onlyKeys(List.of("group", "version", "kind", "name", "namespace", "fieldPath", "options"));
            String fieldPath = s.string("fieldPath");
            source = new Source(new ResId(s.string("group"), s.string("version"), s.string("kind"), s.string("name"),
                    s.string("namespace")), fieldPath == null || fieldPath.isEmpty() ? "metadata.name" : fieldPath,
                    options(s));
        }
        List<Target> targets = new ArrayList<>();
        for (YamlFields t : e.list("targets")) {
            YamlFields c = GoJsonKeys.canonical(t, List.of("select", "reject", "fieldPaths", "options"));
            c.onlyKeys(List.of("select", "reject", "fieldPaths", "options"));
            if (!c.has("select")) {
                throw new InvalidInputException(c.where() + ": target must specify resources to select");
            }
            List<ObjectSelector> reject = new ArrayList<>();
            for (YamlFields r : c.list("reject")) {
                reject.add(ObjectSelector.read(r));
            }
            List<String> fieldPaths = c.strings("fieldPaths");
            targets.add(new Target(ObjectSelector.read(c.object("select")), reject,
                    fieldPaths.isEmpty() ? List.of("metadata.name") : fieldPaths, options(c)));
        }
        return new Replacement(e.where(), source, e.string("sourceValue"), targets);
    }

    private static Options options(YamlFields f) {
        YamlFields o = f.object("options");
        if (o == null) {
            return Options.NONE;
        }
        o = GoJsonKeys.canonical(o, List.of("delimiter", "index", "encoding", "create"));
        o.onlyKeys(List.of("delimiter", "index", "encoding", "create"));
        String index = o.string("index");
        if (index != null && !index.matches("-?\\d{1,9}")) {
            throw new InvalidInputException(o.where() + ": index must be a whole number, found '" + index + "'");
        }
        return new Options(o.string("delimiter") == null ? "" : o.string("delimiter"),
                index == null ? 0 : Integer.parseInt(index), o.bool("create", false));
    }

    /** Applies every replacement in order to {@code objects}. */
    static void apply(List<Replacement> replacements, List<WorkingObject> objects) {
        for (Replacement r : replacements) {
            Object value = r.source() == null ? new LiteralText(r.sourceValue()) : sourceValue(r, objects);
            for (Target target : r.targets()) {
                for (WorkingObject object : objects) {
                    if (target.select().selects(object) && target.reject().stream().noneMatch(x -> x.rejects(object))) {
                        ReplacementTargets.copy(r, target, object, value);
                    }
                }
            }
        }
    }

    /** A {@code sourceValue}: an untagged plain scalar, so its type is what its text resolves to. */
    record LiteralText(String text) {
    }

    private static Object sourceValue(Replacement r, List<WorkingObject> objects) {
        Source s = r.source();
        WorkingObject found = null;
        for (WorkingObject o : objects) {
            if (o.ids().stream().anyMatch(id -> id.isSelectedBy(s.id()))) {
                if (found != null) {
                    throw new InvalidInputException(r.where() + ": multiple matches for selector " + s.id()
                            + " (" + found.describe() + " and " + o.describe() + "); make the source more precise");
                }
                found = o;
            }
        }
        if (found == null) {
            throw new InvalidInputException(r.where() + ": nothing selected by " + s.id() + "; check the source's"
                    + " kind and name");
        }
        Object value;
        try {
            value = FieldPath.lookup(found.manifest(), FieldPath.split(s.fieldPath()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(r.where() + ": error looking up replacement source: " + e.getMessage());
        }
        if (value == null || value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty()) {
            throw new InvalidInputException(r.where() + ": fieldPath `" + s.fieldPath() + "` is missing for"
                    + " replacement source " + s.id());
        }
        Options o = s.options();
        if (o.delimiter().isEmpty()) {
            return Values.copy(value);
        }
        if (!Scalars.isScalar(value)) {
            throw new InvalidInputException(r.where() + ": delimiter option can only be used with scalar nodes");
        }
        String[] parts = Scalars.text(value).split(java.util.regex.Pattern.quote(o.delimiter()), -1);
        if (o.index() >= parts.length || o.index() < 0) {
            throw new InvalidInputException(r.where() + ": options.index " + o.index() + " is out of bounds for the"
                    + " source value, which has " + parts.length + " parts separated by '" + o.delimiter() + "'");
        }
        // the part keeps the tag of the whole value (go-yaml copies the node and changes its text)
        try {
            return Scalars.keepingType(value, parts[o.index()]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(r.where() + ": " + e.getMessage());
        }
    }
}
