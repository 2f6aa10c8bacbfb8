package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose {@code .env} file edited line by line: {@link #set} replaces the value of the last
 * {@code KEY=} line (keeping {@code export }, the quote character and a trailing {@code # comment}),
 * or appends a line; every other line stays byte for byte. Reading follows the compose renderer's
 * rules closely enough to resolve image names (quotes removed, no interpolation).
 */
final class DotEnvText {
    private static final Pattern LINE = Pattern.compile(
            "^(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_.\\-]*)(\\s*=\\s*)(.*?)(\\r?)$");

    private final TextFile file;
    private final List<String> lines;
    private final Map<String, String> values = new LinkedHashMap<>();
    private boolean changed;

    DotEnvText(TextFile file) {
        this.file = file;
        this.lines = new ArrayList<>(List.of(file.text().split("\n", -1)));
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                values.put(m.group(2), unquote(m.group(4)));
            }
        }
    }

    String path() {
        return file.path();
    }

    String get(String key) {
        return values.get(key);
    }

    boolean changed() {
        return changed;
    }

    void set(String key, String value) {
        if (value.contains("\n") || value.contains("\r")) {
            throw new InvalidInputException(file.path() + ": value of " + key + " cannot span lines");
        }
        if (value.equals(values.get(key))) {
            return;
        }
        values.put(key, value);
        changed = true;
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = LINE.matcher(lines.get(i));
            if (m.matches() && m.group(2).equals(key)) {
                lines.set(i, m.group(1) + key + m.group(3) + requote(m.group(4), value) + m.group(5));
                return;
            }
        }
        String nl = file.text().contains("\r\n") ? "\r" : "";
        String entry = key + "=" + value + nl;
        String last = lines.get(lines.size() - 1);
        if (last.isEmpty()) {
            lines.add(lines.size() - 1, entry);
        } else {
            if (nl.isEmpty() || last.endsWith("\r")) {
                lines.add(entry);
            } else {
                lines.set(lines.size() - 1, last + "\r");
                lines.add(entry);
            }
            lines.add("");
        }
    }

    byte[] result() {
        return file.withText(String.join("\n", lines));
    }

    /** The value as the new one should be written: in the same quotes, with an unquoted value's comment kept. */
    private static String requote(String old, String value) {
        if (!old.isEmpty() && (old.charAt(0) == '"' || old.charAt(0) == '\'')) {
            char q = old.charAt(0);
            int end = old.lastIndexOf(q);
            return q + value + q + (end > 0 ? old.substring(end + 1) : "");
        }
        int comment = old.indexOf(" #");
        return comment < 0 ? value : value + old.substring(comment);
    }

    private static String unquote(String value) {
        if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            int end = value.lastIndexOf(value.charAt(0));
            return end > 0 ? value.substring(1, end) : value;
        }
        int comment = value.indexOf(" #");
        return (comment < 0 ? value : value.substring(0, comment)).strip();
    }
}
