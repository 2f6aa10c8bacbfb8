package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.ProgressListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces the values of the credentials a step uses with {@code ****} in everything it writes to the
 * build log, as a second line of defence: the engine never prints secrets, but a remote's error
 * message might echo one. Multi-line secrets (keys, kubeconfigs) are also masked line by line for
 * their long lines (key material, tokens, certificates).
 */
public final class SecretMasker {
    public static final String MASK = "****";
    private static final int MIN_LENGTH = 4;
    private static final int MIN_LINE_LENGTH = 32;

    private final List<String> secrets;

    public SecretMasker(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() < MIN_LENGTH) {
                continue;
            }
            all.add(value);
            if (value.contains("\n")) {
                value.lines().map(String::trim).filter(line -> line.length() >= MIN_LINE_LENGTH).forEach(all::add);
            }
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    public String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** A listener that masks every message before passing it on. */
    public ProgressListener wrap(ProgressListener listener) {
        return message -> listener.progress(mask(message));
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
