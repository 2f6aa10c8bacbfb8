package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The one way the engine parses YAML from a repository: safe constructor (no arbitrary types), a
 * small alias budget (alias "bombs" are refused), bounded nesting and size, duplicate keys refused.
 */
public final class SafeYaml {
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 64;

    private SafeYaml() {
    }

    /** All documents of a file, nulls (empty documents) dropped; errors name the file and line. */
    public static List<Object> loadAll(byte[] content, String file) {
        try {
            List<Object> documents = new ArrayList<>();
            for (Object doc : yaml().loadAll(new String(content, StandardCharsets.UTF_8))) {
                if (doc != null) {
                    documents.add(doc);
                }
            }
            return documents;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidInputException(file + (line > 0 ? ":" + line : "") + ": invalid YAML: "
                    + firstLine(e.getProblem()) + fixFor(e.getProblem()));
        } catch (YAMLException e) {
            throw new InvalidInputException(file + ": invalid YAML: " + firstLine(e.getMessage()) + fixFor(e.getMessage()));
        }
    }

    /** The single document of a file (an empty file gives null). */
    public static Object load(byte[] content, String file) {
        List<Object> documents = loadAll(content, file);
        if (documents.size() > 1) {
            throw new InvalidInputException(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.isEmpty() ? null : documents.get(0);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) io.jenkins.plugins.gitops.engine.source.SourceTree.MAX_FILE_BYTES);
        return new Yaml(new SafeConstructor(options));
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
