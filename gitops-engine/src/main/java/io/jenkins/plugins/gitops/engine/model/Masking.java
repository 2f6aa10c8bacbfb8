package io.jenkins.plugins.gitops.engine.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The one masking mechanism of the product: which names look secret, and the secret values known so
 * far, replaced by {@link #MASK} in every text that leaves the engine (diffs, results as text and
 * JSON, progress and build logs, error messages, deployment records, metric labels). The facade
 * collects the values of one repository's operations (credentials it was given, variables with
 * secret-looking names, compose and container environment entries with secret-looking names, Secret
 * data of desired and live objects) and applies one instance at its boundary; the Jenkins plugin
 * applies the same class to its own log lines. Structure-aware redaction of diffs (which field of
 * which object is secret) is {@code diff.Redaction}, built on {@link #isSecretName}. Thread-safe.
 */
public final class Masking {
    /** What a secret value is replaced with. */
    public static final String MASK = "****";
    /** Shorter values are not masked, so that the log stays readable (as Jenkins' own masking). */
    static final int MIN_LENGTH = 4;
    /** Lines of multi-line secrets (keys, kubeconfigs) at least this long are masked on their own. */
    static final int MIN_LINE_LENGTH = 32;
    /**
     * Secret-looking names, as docker, Helm charts and twelve-factor apps spell them:
     * {@code SMTP_PASSWORD}, {@code db-passwd}, {@code API_TOKEN}, {@code aws_secret_access_key},
     * {@code PRIVATE_KEY}, {@code STRIPE_APIKEY}, {@code GIT_CREDENTIALS}.
     */
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|PRIVATE[_-]?KEY|API[_-]?KEY|ACCESS[_-]?KEY|CREDENTIAL).*");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private volatile List<String> longestFirst = List.of();

    /** A masking of these values (null, blank and too short ones are ignored). */
    public Masking(Collection<String> initial) {
        add(initial);
    }

    public Masking() {
        this(List.of());
    }

    /** Whether a variable, environment entry or key name looks like it holds a secret. */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
    }

    /** Adds secret values; multi-line ones also line by line for their long lines (key material). */
    public Masking add(Collection<String> secrets) {
        boolean changed = false;
        for (String value : secrets) {
            if (value == null || value.isBlank() || value.length() < MIN_LENGTH) {
                continue;
            }
            changed |= values.add(value);
            if (value.contains("\n")) {
                for (String line : value.lines().map(String::trim).filter(l -> l.length() >= MIN_LINE_LENGTH).toList()) {
                    changed |= values.add(line);
                }
            }
        }
        if (changed) {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.comparingInt(String::length).reversed()); // a value containing another goes whole
            longestFirst = List.copyOf(sorted);
        }
        return this;
    }

    /** Adds the values of the variables whose names look secret ({@link #isSecretName}). */
    public Masking addSecretVariables(Map<String, String> variables) {
        add(variables.entrySet().stream().filter(e -> isSecretName(e.getKey())).map(Map.Entry::getValue).toList());
        return this;
    }

    public boolean isEmpty() {
        return longestFirst.isEmpty();
    }

    /** The text with every known secret value replaced by {@link #MASK}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : longestFirst) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** A consumer that masks each text before passing it on (for progress listeners and logs). */
    public Consumer<String> wrap(Consumer<String> sink) {
        return text -> sink.accept(mask(text));
    }

    /**
     * A copy of a plain-data value (records, lists, maps of strings, numbers, instants) with every
     * string in it masked, or the value itself when nothing in it is secret. Works on any result
     * type the facade returns, so a field added later is masked too.
     */
    @SuppressWarnings("unchecked")
    public <T> T maskAll(T value) {
        if (value == null || isEmpty()) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            boolean changed = false;
            for (Object item : list) {
                Object masked = maskAll(item);
                changed |= masked != item;
                out.add(masked);
            }
            return changed ? (T) java.util.Collections.unmodifiableList(out) : value;
        }
        if (value instanceof String text) {
            return (T) mask(text);
        }
        JsonNode tree = JSON.valueToTree(value);
        if (!maskNode(tree)) {
            return value;
        }
        try {
            return (T) JSON.treeToValue(tree, value.getClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot mask a " + value.getClass().getSimpleName(), e);
        }
    }

    /** Masks the text nodes of a JSON tree in place; true when any changed. */
    private boolean maskNode(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue() instanceof TextNode text) {
                    String masked = mask(text.textValue());
                    if (!masked.equals(text.textValue())) {
                        field.setValue(TextNode.valueOf(masked));
                        changed = true;
                    }
                } else {
                    changed |= maskNode(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof TextNode text) {
                    String masked = mask(text.textValue());
                    if (!masked.equals(text.textValue())) {
                        array.set(i, TextNode.valueOf(masked));
                        changed = true;
                    }
                } else {
                    changed |= maskNode(array.get(i));
                }
            }
        }
        return changed;
    }
}
