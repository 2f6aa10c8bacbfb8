package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Compose: the {@code image:} of every service whose image name is one of the release's is rewritten.
 * When the version is a variable ({@code medianest/app:${APP_VERSION}}, also with {@code :-default}
 * or {@code :?error}), the compose file is left alone and the variable is set in the folder's
 * {@code .env} instead (the line is replaced, or added, or the file created), as the seed's release
 * script ({@code sed -i "s|APP_VERSION=.*|APP_VERSION=$tag|"}) did. Variables in the name part are
 * resolved from {@code .env} to find the image's name. A variable shared by two services that would
 * need different values is refused. Variables set in gitops.yaml or given to the sync take precedence
 * over {@code .env} when rendering; render the edited tree ({@link EditedTree}) to confirm the result.
 */
final class ComposeImages {
    static final List<String> FILE_NAMES = List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml",
            "compose.yaml");
    /** {@code ${VAR}}, {@code ${VAR:-x}}, {@code ${VAR-x}}, {@code ${VAR:?x}}, {@code ${VAR?x}} or {@code $VAR}. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(?::?[-?])[^}]*)?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** Variables a name may use: {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code $VAR}. */
    private static final Pattern NAME_VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private ComposeImages() {
    }

    static void write(YamlText compose, DotEnvText dotEnv, List<ImageRef> images, ReleaseWriter.Collector out) {
        MappingNode root = compose.rootMapping();
        MappingNode services = YamlText.mapping(YamlText.value(root, "services"));
        if (services == null) {
            throw new InvalidInputException(compose.path() + ": no services mapping");
        }
        Map<String, String> variableValues = new LinkedHashMap<>();
        Map<String, String> variableSetBy = new LinkedHashMap<>();
        Map<String, Boolean> written = new LinkedHashMap<>();
        images.forEach(i -> written.put(i.name(), false));
        for (NodeTuple service : services.getValue()) {
            String serviceName = ((ScalarNode) service.getKeyNode()).getValue();
            MappingNode spec = YamlText.mapping(service.getValueNode());
            if (!(YamlText.value(spec, "image") instanceof ScalarNode imageNode)) {
                continue;
            }
            RawImage raw = RawImage.split(imageNode.getValue());
            String name = resolve(raw.name(), dotEnv);
            ImageRef image = name == null ? null
                    : images.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
            if (image == null) {
                continue;
            }
            written.put(image.name(), true);
            String where = compose.path() + ": service '" + serviceName + "'";
            if (!raw.version().contains("$")) {
                compose.replaceScalar(imageNode, raw.name() + suffix(image));
                continue;
            }
            Matcher variable = VARIABLE.matcher(raw.tag() == null ? "" : raw.tag());
            if (raw.digest() != null || !variable.matches()) {
                out.skip(image + ": " + where + " has image '" + imageNode.getValue()
                        + "', whose version promotion cannot set; write it as name:${VARIABLE} or name:tag");
                continue;
            }
            if (image.tag() == null) {
                out.skip(image + ": " + where + " takes its tag from a variable, but the release has only a digest;"
                        + " write the image as name@${VARIABLE} by hand");
                continue;
            }
            String var = variable.group(1) != null ? variable.group(1) : variable.group(2);
            String value = image.version();
            String earlier = variableValues.putIfAbsent(var, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new InvalidInputException(where + ": variable " + var + " would have to be both " + earlier
                        + " (for " + variableSetBy.get(var) + ") and " + value + " (for " + image.name()
                        + "); use one variable per image");
            }
            variableSetBy.putIfAbsent(var, image.name());
        }
        variableValues.forEach(dotEnv::set);
        noteOtherUsers(services, variableValues, variableSetBy, dotEnv, compose.path(), out);
        written.forEach((name, done) -> {
            if (!done) {
                images.stream().filter(i -> i.name().equals(name))
                        .forEach(i -> out.skip(i + ": no service of " + compose.path() + " runs " + name + ", skipped"));
            }
        });
    }

    /** Services that use a changed variable for another image: worth a reviewer's look. */
    private static void noteOtherUsers(MappingNode services, Map<String, String> values, Map<String, String> setBy,
            DotEnvText dotEnv, String file, ReleaseWriter.Collector out) {
        for (NodeTuple service : services.getValue()) {
            MappingNode spec = YamlText.mapping(service.getValueNode());
            if (!(YamlText.value(spec, "image") instanceof ScalarNode imageNode)) {
                continue;
            }
            String name = resolve(RawImage.split(imageNode.getValue()).name(), dotEnv);
            Matcher m = VARIABLE.matcher(imageNode.getValue());
            while (m.find()) {
                String var = m.group(1) != null ? m.group(1) : m.group(2);
                if (values.containsKey(var) && !setBy.get(var).equals(name)) {
                    out.note(file + ": service '" + ((ScalarNode) service.getKeyNode()).getValue() + "' also uses "
                            + var + " (now " + values.get(var) + ") in its image " + imageNode.getValue());
                }
            }
        }
    }

    private static String suffix(ImageRef image) {
        return (image.tag() == null ? "" : ":" + image.tag()) + (image.digest() == null ? "" : "@" + image.digest());
    }

    /** The name with its variables replaced from .env (defaults applied); null if one is not set. */
    private static String resolve(String name, DotEnvText dotEnv) {
        Matcher m = NAME_VARIABLE.matcher(name);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String var = m.group(1) != null ? m.group(1) : m.group(4);
            String value = dotEnv.get(var);
            if ((value == null || value.isEmpty() && ":-".equals(m.group(2))) && m.group(3) != null) {
                value = m.group(3);
            }
            if (value == null) {
                return null;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** An image as written, split outside {@code ${...}}: name, tag (null if none) and digest (null if none). */
    record RawImage(String name, String tag, String digest) {
        String version() {
            return (tag == null ? "" : tag) + (digest == null ? "" : digest);
        }

        static RawImage split(String image) {
            int depth = 0;
            int lastSlash = -1;
            int lastColon = -1;
            int at = -1;
            for (int i = 0; i < image.length(); i++) {
                char c = image.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0 && c == '/') {
                    lastSlash = i;
                } else if (depth == 0 && c == ':' && at < 0) {
                    lastColon = i;
                } else if (depth == 0 && c == '@' && at < 0) {
                    at = i;
                }
            }
            String digest = at < 0 ? null : image.substring(at + 1);
            String rest = at < 0 ? image : image.substring(0, at);
            if (lastColon > lastSlash && lastColon < rest.length()) {
                return new RawImage(rest.substring(0, lastColon), rest.substring(lastColon + 1), digest);
            }
            return new RawImage(rest, null, digest);
        }
    }
}
