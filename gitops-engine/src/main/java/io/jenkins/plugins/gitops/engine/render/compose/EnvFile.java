package io.jenkins.plugins.gitops.engine.render.compose;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A service's {@code env_file}, read as {@code docker stack deploy} reads it (docker's
 * {@code opts.ParseEnvFile}): lines are {@code NAME=VALUE} with the value taken verbatim (quotes,
 * {@code #} and backslashes are part of it), leading blanks and {@code #} comment lines are skipped,
 * a bare {@code NAME} takes the value of that variable or is left out when it is not set, and a name
 * containing whitespace is an error. Unlike the folder's {@code .env} ({@link DotEnv}), nothing is
 * unquoted or unescaped.
 */
final class EnvFile {
    private static final String WHITESPACE = " \t";

    private EnvFile() {
    }

    /** {@code NAME=VALUE} entries in file order; {@code lookup} answers bare names (null: not set). */
    static List<String> parse(byte[] content, String file, Function<String, String> lookup) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": env file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = trimLeft(eq < 0 ? line : line.substring(0, eq));
            if (name.chars().anyMatch(c -> WHITESPACE.indexOf(c) >= 0)) {
                throw new InvalidInputException(file + ":" + (n + 1) + ": variable '" + name
                        + "' contains whitespace; write NAME=VALUE with no blank before '='");
            }
            if (name.isEmpty()) {
                throw new InvalidInputException(file + ":" + (n + 1) + ": no variable name before '='");
            }
            if (eq >= 0) {
                out.add(name + "=" + line.substring(eq + 1));
            } else {
                String value = lookup.apply(line.strip());
                if (value != null) {
                    out.add(line.strip() + "=" + value);
                }
            }
        }
        return out;
    }

    private static String trimLeft(String s) {
        int i = 0;
        while (i < s.length() && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }
}
