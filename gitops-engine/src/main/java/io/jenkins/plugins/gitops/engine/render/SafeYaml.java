package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * The one way the engine parses YAML from a repository: safe constructor (no arbitrary types), a
 * small alias budget (alias "bombs" are refused), bounded nesting and size, duplicate keys refused,
 * and every error naming the file and line.
 *
 * <p>What is accepted follows Go's YAML (go-yaml, used by kubectl, kustomize's kyaml and compose),
 * not SnakeYAML's YAML 1.1 defaults: a tab after a mapping value indicator, a quoted scalar, an
 * anchor, a tag, a flow indicator or {@code ---} is separation whitespace (SnakeYAML refuses any tab
 * outside scalars); a tab used as indentation, or directly after a block {@code -} or {@code ?}, is
 * still refused as Go refuses it. How plain scalars resolve is chosen by {@link Schema}.
 */
public final class SafeYaml {
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 64;
    private static final String TAB_PROBLEM = "found character '\\t(TAB)' that cannot start any token";

    /** How untagged plain scalars become values. */
    public enum Schema {
        /**
         * Kubernetes manifests as kubectl reads them (sigs.k8s.io/yaml on go-yaml v2): YAML 1.1 booleans
         * ({@code yes/no/on/off}), integers and floats without base-60 ({@code 12:30} stays a string),
         * timestamps as RFC 3339 strings ({@code 2001-12-14} is {@code "2001-12-14T00:00:00Z"}),
         * {@code !!binary} decoded to a string.
         */
        KUBERNETES,
        /**
         * Compose files as compose-go and docker's compose loader read them (go-yaml v3, YAML 1.2 core
         * schema): only {@code true/True/TRUE/false/False/FALSE} are booleans, integers as Go's
         * {@code strconv.ParseInt(s, 0, 64)} ({@code 0x1F}, {@code 0o17}, {@code 017}, {@code 1_000}),
         * floats only in decimal or exponent form ({@code 1e3} is 1000.0), timestamps stay strings.
         */
        COMPOSE
    }

    private SafeYaml() {
    }

    /** All documents of a Kubernetes file, nulls (empty documents) dropped; errors name the file and line. */
    public static List<Object> loadAll(byte[] content, String file) {
        return loadAll(content, file, Schema.KUBERNETES);
    }

    /** All documents of a file read with {@code schema}, nulls (empty documents) dropped. */
    public static List<Object> loadAll(byte[] content, String file, Schema schema) {
        String text = new String(content, StandardCharsets.UTF_8);
        // Each tab that go-yaml takes as separation whitespace costs one parse up to its position;
        // the bound keeps a file made of such tabs from costing more than a few hundred parses of itself.
        long budget = Math.max(256L * text.length(), 64L << 20);
        while (true) {
            try {
                List<Object> documents = new ArrayList<>();
                for (Object doc : yaml(schema).loadAll(text)) {
                    if (doc != null) {
                        documents.add(doc);
                    }
                }
                return documents;
            } catch (ScannerException e) {
                String relaxed = e.getProblem() != null && e.getProblem().startsWith(TAB_PROBLEM)
                        ? separationTab(text, e.getProblemMark()) : null;
                if (relaxed == null || (budget -= e.getProblemMark().getIndex() + 1) < 0) {
                    throw invalid(file, e);
                }
                text = relaxed;
            } catch (MarkedYAMLException e) {
                throw invalid(file, e);
            } catch (YAMLException e) {
                throw new InvalidInputException(file + ": invalid YAML: " + firstLine(e.getMessage()) + fixFor(e.getMessage()));
            }
        }
    }

    /** The single document of a Kubernetes file (an empty file gives null). */
    public static Object load(byte[] content, String file) {
        return load(content, file, Schema.KUBERNETES);
    }

    /** The single document of a file read with {@code schema} (an empty file gives null). */
    public static Object load(byte[] content, String file, Schema schema) {
        List<Object> documents = loadAll(content, file, schema);
        if (documents.size() > 1) {
            throw new InvalidInputException(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.isEmpty() ? null : documents.get(0);
    }

    /**
     * The text with the blanks at {@code mark} turned into spaces when go-yaml would take that tab as
     * separation (something other than a block {@code -} or {@code ?} precedes it on its line), else
     * null. Spaces replace tabs one for one, so every later line and column stays where it was.
     */
    static String separationTab(String text, org.yaml.snakeyaml.error.Mark mark) {
        if (mark == null) {
            return null;
        }
        int at = text.offsetByCodePoints(0, Math.min(mark.getIndex(), text.codePointCount(0, text.length())));
        if (at >= text.length() || text.charAt(at) != '\t') {
            return null;
        }
        int before = at - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        if (before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r') {
            return null; // indentation
        }
        char previous = text.charAt(before);
        boolean indicator = (previous == '-' || previous == '?')
                && (before == 0 || " \t\n\r".indexOf(text.charAt(before - 1)) >= 0);
        if (indicator) {
            return null;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = at; i < out.length() && (out.charAt(i) == '\t' || out.charAt(i) == ' '); i++) {
            out.setCharAt(i, ' ');
        }
        return out.toString();
    }

    private static InvalidInputException invalid(String file, MarkedYAMLException e) {
        int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
        String problem = e.getProblem();
        if (problem != null && problem.startsWith(TAB_PROBLEM)) {
            problem = "a tab where YAML needs spaces (tabs cannot indent, nor follow a '-' or '?' entry);"
                    + " indent with spaces";
        }
        return new InvalidInputException(file + (line > 0 ? ":" + line : "") + ": invalid YAML: "
                + firstLine(problem) + fixFor(problem));
    }

    private static Yaml yaml(Schema schema) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) io.jenkins.plugins.gitops.engine.source.SourceTree.MAX_FILE_BYTES);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new GoYamlConstructor(options, schema), new Representer(dumper), dumper, options,
                new GoYamlResolver(schema));
    }

    private static String fixFor(String problem) {
        if (problem != null && problem.contains("aliases")) {
            return " (too many YAML aliases: the file looks like an alias bomb; expand the anchors or split the file)";
        }
        return "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable document";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
