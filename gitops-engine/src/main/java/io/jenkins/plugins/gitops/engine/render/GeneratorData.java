package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The key/value pairs of a {@code configMapGenerator} or {@code secretGenerator} entry, read as kustomize's
 * kv loader reads them (api/kv/kv.go): env files first, then literals, then files; keys checked as
 * Kubernetes checks ConfigMap keys (and env files' keys as environment variable names); a key given twice is
 * an error. Values are raw bytes held as ISO-8859-1 strings, so that binary files survive. Values never
 * appear in messages.
 */
final class GeneratorData {
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final int LINE = 70;

    private GeneratorData() {
    }

    /** Keys to raw bytes, in the order kustomize loads them. */
    static Map<String, String> load(SourceTree tree, Generators.Spec spec) {
        String what = spec.where() + " (" + spec.kind() + " '" + spec.name() + "')";
        List<String[]> pairs = new ArrayList<>();
        for (String env : spec.envs()) {
            String path = KustomizeFiles.file(spec.directory(), env, spec.where());
            pairs.addAll(envFile(read(tree, path, what), path, what));
        }
        for (String literal : spec.literals()) {
            int eq = literal.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(what + ": invalid literal source '" + key(literal)
                        + "', expected KEY=VALUE");
            }
            pairs.add(new String[] {literal.substring(0, eq), raw(unquote(literal.substring(eq + 1)))});
        }
        for (String source : spec.files()) {
            String[] keyAndPath = fileSource(source, what);
            String path = KustomizeFiles.file(spec.directory(), keyAndPath[1], spec.where());
            pairs.add(new String[] {keyAndPath[0], new String(read(tree, path, what), StandardCharsets.ISO_8859_1)});
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (String[] pair : pairs) {
            checkKey(pair[0], what);
            if (data.put(pair[0], pair[1]) != null) {
                throw new InvalidInputException(what + ": key '" + pair[0] + "' is given twice (" + spec.kind() + " "
                        + spec.name() + " illegally repeats the key); remove one of them");
            }
        }
        return data;
    }

    /** kustomize's ParseFileSource: {@code path} (key: the file name) or {@code key=path}. */
    private static String[] fileSource(String source, String what) {
        long separators = source.chars().filter(c -> c == '=').count();
        if (separators == 0) {
            return new String[] {source.substring(source.lastIndexOf('/') + 1), source};
        }
        if (separators > 1 || source.startsWith("=") || source.endsWith("=")) {
            throw new InvalidInputException(what + ": file source '" + source + "' must be PATH or KEY=PATH with one"
                    + " '=' and a non-empty key and path");
        }
        int eq = source.indexOf('=');
        return new String[] {source.substring(0, eq), source.substring(eq + 1)};
    }

    /** The pairs of an env file: {@code KEY=VALUE} lines, blank lines and {@code #} comments skipped. */
    private static List<String[]> envFile(byte[] content, String path, String what) {
        List<String[]> pairs = new ArrayList<>();
        String[] lines = new String(content, StandardCharsets.ISO_8859_1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String line = utf8(raw.getBytes(StandardCharsets.ISO_8859_1));
            if (line == null) {
                throw new InvalidInputException(path + ":" + (i + 1) + ": line is not valid UTF-8 (" + what + ")");
            }
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            if (!ENV_NAME.matcher(key).matches()) {
                throw new InvalidInputException(path + ":" + (i + 1) + ": '" + key(key) + "' is not a valid environment"
                        + " variable name (letters, digits, '_', '-', '.', not starting with a digit) (" + what + ")");
            }
            pairs.add(new String[] {key, eq < 0 ? "" : raw(line.substring(eq + 1))});
        }
        return pairs;
    }

    private static void checkKey(String key, String what) {
        if (key.length() > 253 || !KEY.matcher(key).matches() || key.equals(".") || key.startsWith("..")) {
            throw new InvalidInputException(what + ": '" + key(key) + "' is not a valid key: use letters, digits, '-',"
                    + " '_' and '.', at most 253 characters, not '.' and not starting with '..'");
        }
    }

    /** A key as shown in messages: the part before any '=', so that a value never leaks. */
    private static String key(String text) {
        int eq = text.indexOf('=');
        String k = eq < 0 ? text : text.substring(0, eq);
        return k.length() > 60 ? k.substring(0, 60) + "..." : k;
    }

    private static byte[] read(SourceTree tree, String path, String what) {
        if (!tree.isFile(path)) {
            throw new InvalidInputException(what + ": file " + path + " not found; check the path");
        }
        return tree.read(path);
    }

    /** kustomize's removeQuotes: one pair of matching single or double quotes around the whole value. */
    private static String unquote(String v) {
        if (v.length() >= 2 && v.charAt(0) == v.charAt(v.length() - 1) && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Text as raw bytes (an ISO-8859-1 string of its UTF-8 encoding). */
    static String raw(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Raw bytes as text if they are valid UTF-8, else null. */
    static String text(String raw) {
        return utf8(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Base64 of raw bytes as kustomize writes it (kyaml's encodeBase64): lines of 70 characters, each ended by
     * a newline when there is more than one line. The hash is computed over this form.
     */
    static String base64(String raw) {
        String encoded = Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.ISO_8859_1));
        if (encoded.length() / LINE + 1 <= 1) {
            return encoded;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < encoded.length(); i += LINE) {
            out.append(encoded, i, Math.min(encoded.length(), i + LINE)).append('\n');
        }
        return out.toString();
    }
}
