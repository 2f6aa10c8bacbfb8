package io.jenkins.plugins.gitops.engine.render.compose;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compose variable interpolation: {@code $$}, {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}} and
 * {@code ${VAR+alt}}, applied to every string value (never to keys) of a parsed compose file.
 * Values are looked up in order: the variables given to the sync, then the folder's {@code .env}.
 * Messages name variables, never their values.
 */
final class Interpolator {
    private final Function<String, String> lookup;
    private final String file;
    private final List<String> warnings = new ArrayList<>();

    Interpolator(Function<String, String> lookup, String file) {
        this.lookup = lookup;
        this.file = file;
    }

    List<String> warnings() {
        return warnings;
    }

    /** A copy of a parsed compose tree with every string value interpolated. */
    Object interpolateTree(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, interpolateTree(e.getValue(), childContext(where, key)));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(interpolateTree(item, where));
            }
            return out;
        }
        if (node instanceof String s) {
            return interpolate(s, where);
        }
        return node;
    }

    /** Context for messages: {@code service 'web'} below services.web, else the top-level section. */
    private static String childContext(String where, String key) {
        if (where.isEmpty()) {
            return key;
        }
        if (!where.contains("'")) {
            return switch (where) {
                case "services" -> "service '" + key + "'";
                case "networks" -> "network '" + key + "'";
                case "volumes" -> "volume '" + key + "'";
                case "configs" -> "config '" + key + "'";
                case "secrets" -> "secret '" + key + "'";
                default -> where;
            };
        }
        return where;
    }

    String interpolate(String text, String where) {
        return interpolate(text, where, false);
    }

    /**
     * {@code keepEscapes}: a default or alternative value ({@code ${A:-$$x}}) keeps {@code $$} as
     * written, as docker stack deploy's template substitution returns it untouched.
     */
    private String interpolate(String text, String where, boolean keepEscapes) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append(keepEscapes ? "$$" : "$");
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    throw new InvalidInputException(file + ": " + where + ": unclosed '${' in \"" + text
                            + "\"; close it with '}' or write '$$' for a literal '$'");
                }
                out.append(braced(text.substring(i + 2, end), where));
                i = end + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                out.append(value(text.substring(i + 1, end), where));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String expr, String where) {
        int n = 0;
        while (n < expr.length() && isNamePart(expr.charAt(n))) {
            n++;
        }
        String name = expr.substring(0, n);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw new InvalidInputException(file + ": " + where + ": invalid variable reference '${" + expr
                    + "}'; use ${NAME}, ${NAME:-default} or ${NAME:?error}");
        }
        String rest = expr.substring(n);
        String raw = lookup.apply(name);
        if (rest.isEmpty()) {
            return value(name, where);
        }
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
        String arg = rest.substring(colon ? 2 : 1);
        boolean unset = raw == null || (colon && raw.isEmpty());
        switch (op) {
            case "-":
                return unset ? interpolate(arg, where, true) : raw;
            case "?":
                if (unset) {
                    String reason = interpolate(arg, where);
                    throw new InvalidInputException(file + ": " + where + ": required variable " + name + " is "
                            + (raw == null ? "not set" : "empty") + (reason.isEmpty() ? "" : " (" + reason + ")")
                            + "; set it in the environment's .env file or in gitops.yaml variables");
                }
                return raw;
            case "+":
                return unset ? "" : interpolate(arg, where, true);
            default:
                throw new InvalidInputException(file + ": " + where + ": invalid variable reference '${" + expr
                        + "}'; use ${NAME}, ${NAME:-default} or ${NAME:?error}");
        }
    }

    private String value(String name, String where) {
        String raw = lookup.apply(name);
        if (raw == null) {
            String warning = file + ": " + where + ": variable " + name + " is not set; using an empty string";
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
            return "";
        }
        return raw;
    }

    /** Index of the '}' closing a '${' whose body starts at {@code from}, honouring nested '${...}'. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) && c < 128 || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
