package io.jenkins.plugins.gitops.engine.render.compose;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code KEY=VALUE} files: the environment folder's {@code .env} and a service's {@code env_file}.
 * Blank lines and {@code #} comments are skipped, {@code export } is allowed, values may be quoted
 * (single quotes literal, double quotes with \n, \t, \" and \\ escapes). Values are never interpolated.
 */
final class DotEnv {
    private DotEnv() {
    }

    static Map<String, String> parse(byte[] content, String file) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
                throw new InvalidInputException(file + ":" + (n + 1) + ": expected KEY=VALUE, found a line starting '"
                        + (key.length() > 20 ? key.substring(0, 20) + "…" : key) + "'");
            }
            out.put(key, eq < 0 ? "" : unquote(line.substring(eq + 1).strip(), file, n + 1, key));
        }
        return out;
    }

    private static String unquote(String value, String file, int line, String key) {
        if (value.length() >= 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            char q = value.charAt(0);
            int end = value.lastIndexOf(q);
            if (end == 0) {
                throw new InvalidInputException(file + ":" + line + ": value of " + key + " has no closing " + q);
            }
            String inner = value.substring(1, end);
            return q == '\'' ? inner : unescape(inner);
        }
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment).strip();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
