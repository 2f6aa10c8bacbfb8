package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.NotificationRules;
import io.jenkins.plugins.gitops.engine.model.PreviewSpec;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates the project file {@code gitops.yaml} (reference: docs/gitops-yaml.md).
 * Every problem of the file is collected and reported in one
 * {@link io.jenkins.plugins.gitops.engine.InvalidInputException}, one line each, as
 * {@code gitops.yaml:7: environments.staging.sync: 'sometimes' is not one of automatic, manual, approval}.
 */
public final class ProjectConfigLoader {
    /** The only {@code apiVersion} this version understands (the key itself is optional). */
    public static final String API_VERSION = "gitops.jenkins.io/v1";
    static final List<String> TOP_LEVEL_KEYS = List.of("apiVersion", "defaults", "environments");
    /** Environment names end up in labels and object names: a DNS label. */
    static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ProjectConfigLoader.class);

    private ProjectConfigLoader() {
    }

    /** The validated project; warnings are logged. {@code fileName} names the file in messages. */
    public static ProjectConfig load(byte[] content, String fileName) {
        LoadedConfig loaded = loadWithWarnings(content, fileName);
        loaded.warnings().forEach(w -> LOG.warn("{}", w));
        return loaded.config();
    }

    /** The validated project and the warnings about it, for commands that show them. */
    public static LoadedConfig loadWithWarnings(byte[] content, String fileName) {
        String file = fileName == null || fileName.isBlank() ? ProjectConfig.FILE_NAME : fileName;
        Problems problems = new Problems(file);
        Node root = compose(content == null ? new byte[0] : content, problems);
        problems.throwIfErrors();
        ProjectConfig config = root == null ? null : read(root, problems);
        if (root == null) {
            problems.error(1, "", "the file is empty; it must define at least one environment under 'environments:'"
                    + " (see docs/gitops-yaml.md)");
        }
        problems.throwIfErrors();
        return new LoadedConfig(config, problems.warnings());
    }

    private static Node compose(byte[] content, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) SourceTree.MAX_FILE_BYTES);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String problem = firstLine(e.getProblem());
            problems.error(line, "", problem.contains("another document")
                    ? "invalid YAML: found a second document; " + problems.file() + " holds one document, remove the '---' line"
                    : "invalid YAML: " + problem + context(e));
        } catch (YAMLException e) {
            String message = firstLine(e.getMessage());
            problems.error(0, "", "invalid YAML: " + message + (message.contains("aliases")
                    ? " (too many YAML aliases: expand the anchors, or use the defaults: section)" : ""));
        }
        return null;
    }

    private static String context(MarkedYAMLException e) {
        return e.getContext() == null ? "" : " (" + firstLine(e.getContext()) + (e.getContextMark() == null ? ""
                : " at line " + (e.getContextMark().getLine() + 1)) + ")";
    }

    private static ProjectConfig read(Node root, Problems problems) {
        if (!(root instanceof MappingNode mapping)) {
            problems.error(root, "", "expected a mapping with 'environments:' at the top level, found " + Values.describe(root));
            return null;
        }
        YamlMap top = YamlMap.read(mapping, "", Values.line(root), problems);
        top.rejectUnknown(TOP_LEVEL_KEYS, problems);
        YamlMap.Entry apiVersion = top.get("apiVersion");
        if (apiVersion != null) {
            String version = Values.string(apiVersion.value(), apiVersion.path(), problems);
            if (version != null && !version.equals(API_VERSION)) {
                problems.error(apiVersion.value(), apiVersion.path(), "'" + Values.clip(version)
                        + "' is not supported; this version understands " + API_VERSION);
            }
        }
        EnvironmentSettings defaults = defaults(top.get("defaults"), problems);
        YamlMap.Entry environmentsEntry = top.require("environments", "a mapping of environment names to environments", problems);
        if (environmentsEntry == null) {
            return null;
        }
        YamlMap environments = Values.map(environmentsEntry.value(), environmentsEntry.path(), environmentsEntry.line(), problems);
        if (environments == null) {
            return null;
        }
        if (environments.isEmpty()) {
            problems.error(environmentsEntry.line(), environmentsEntry.path(), "define at least one environment");
            return null;
        }
        List<EnvironmentChecks.Parsed> parsed = new ArrayList<>();
        for (YamlMap.Entry entry : environments.entries()) {
            EnvironmentChecks.Parsed one = environment(entry, defaults, problems);
            if (one != null) {
                parsed.add(one);
            }
        }
        new EnvironmentChecks(parsed, problems).run();
        Map<String, Environment> result = new LinkedHashMap<>();
        Map<String, PreviewSpec> previews = new LinkedHashMap<>();
        Map<String, NotificationRules> notifications = new LinkedHashMap<>();
        parsed.stream().filter(p -> p.environment() != null).forEach(p -> {
            result.put(p.name(), p.environment());
            NotificationRules own = p.settings().notifications != null ? p.settings().notifications : NotificationRules.NONE;
            notifications.put(p.name(), own.over(defaults.notifications));
            if (p.settings().preview != null) {
                previews.put(p.name(), p.settings().preview);
            }
        });
        return new ProjectConfig(result, previews, notifications);
    }

    private static EnvironmentSettings defaults(YamlMap.Entry entry, Problems problems) {
        if (entry == null) {
            return new EnvironmentSettings();
        }
        YamlMap map = Values.map(entry.value(), entry.path(), entry.line(), problems);
        if (map == null) {
            return new EnvironmentSettings();
        }
        EnvironmentSettings defaults = SettingsParser.parse(map, true, problems);
        EnvironmentResolver.checkRetry(defaults, new EnvironmentSettings(), "defaults.retry", problems);
        return defaults;
    }

    private static EnvironmentChecks.Parsed environment(YamlMap.Entry entry, EnvironmentSettings defaults, Problems problems) {
        String name = entry.key();
        boolean validName = ENVIRONMENT_NAME.matcher(name).matches();
        if (!validName) {
            problems.error(entry.line(), "environments", "'" + Values.clip(name) + "' is not a valid environment name:"
                    + " use lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit"
                    + " (e.g. production)");
        }
        YamlMap map = Values.map(entry.value(), entry.path(), entry.line(), problems);
        if (map == null) {
            return null;
        }
        EnvironmentSettings settings = SettingsParser.parse(map, false, problems);
        EnvironmentResolver.checkRetry(settings, defaults, entry.path() + ".retry", problems);
        // an environment with a bad name is still read, so that its own problems are reported too
        return new EnvironmentChecks.Parsed(name, settings,
                validName ? EnvironmentResolver.resolve(name, settings, defaults) : null);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable document";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
