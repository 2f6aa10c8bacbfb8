package io.jenkins.plugins.gitops.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named arguments of calls to given functions in Pipeline script text, in both Groovy forms:
 * {@code step(a: 1, b: 'x')} and the command form {@code step a: 1, b: 'x'}, which goes on to the next
 * line after a trailing comma. Comments and string contents are skipped; a nested map or closure is
 * one argument. Not a Groovy parser: enough for the examples a project documents.
 */
final class GroovyCalls {
    /** One call: the function, the line it starts on (1-based) and the names of its named arguments. */
    record Call(String function, int line, List<String> names) {
    }

    private static final Pattern NAMED = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:");

    private GroovyCalls() {
    }

    static List<Call> find(String script, List<String> functions, int firstLine) {
        String code = blankCommentsAndStrings(script);
        List<Call> calls = new ArrayList<>();
        for (String function : functions) {
            Matcher m = Pattern.compile("(?<![\\w.$])" + Pattern.quote(function) + "\\b").matcher(code);
            while (m.find()) {
                int line = firstLine + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                calls.add(new Call(function, line, names(arguments(code, m.end()))));
            }
        }
        return calls;
    }

    /** The argument text after the function name: up to the matching ')' or, in command form, the statement's end. */
    private static String arguments(String code, int from) {
        int i = from;
        while (i < code.length() && (code.charAt(i) == ' ' || code.charAt(i) == '\t')) {
            i++;
        }
        if (i < code.length() && code.charAt(i) == '(') {
            int depth = 0;
            for (int j = i; j < code.length(); j++) {
                char c = code.charAt(j);
                depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
                if (depth == 0) {
                    return code.substring(i + 1, j);
                }
            }
            return code.substring(i + 1);
        }
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (int j = i; j < code.length(); j++) {
            char c = code.charAt(j);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth < 0 || c == '\n' && depth == 0 && !text.toString().stripTrailing().endsWith(",")) {
                break;
            }
            text.append(c);
        }
        return text.toString();
    }

    private static List<String> names(String arguments) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= arguments.length(); i++) {
            char c = i < arguments.length() ? arguments.charAt(i) : ',';
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (c == ',' && depth == 0) {
                Matcher named = NAMED.matcher(arguments.substring(start, i));
                if (named.find()) {
                    names.add(named.group(1));
                }
                start = i + 1;
            }
        }
        return names;
    }

    /**
     * The script with comments replaced by spaces and the contents of string literals by {@code x}
     * (quotes and line breaks kept), so that neither a {@code //} in a URL nor a {@code :} or {@code ,}
     * in a string looks like code.
     */
    static String blankCommentsAndStrings(String script) {
        StringBuilder out = new StringBuilder(script.length());
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (script.startsWith("//", i)) {
                while (i < script.length() && script.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? script.length() : end + 2;
                for (; i < end; i++) {
                    out.append(script.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '\'' || c == '"') {
                String quote = script.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                out.append(quote);
                i += quote.length();
                while (i < script.length() && !script.startsWith(quote, i)) {
                    char s = script.charAt(i);
                    out.append(s == '\n' ? '\n' : 'x');
                    if (s == '\\' && i + 1 < script.length()) {
                        out.append('x');
                        i++;
                    }
                    i++;
                }
                if (i < script.length()) {
                    out.append(quote);
                    i += quote.length();
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
