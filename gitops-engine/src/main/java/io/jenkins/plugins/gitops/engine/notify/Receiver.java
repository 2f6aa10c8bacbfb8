package io.jenkins.plugins.gitops.engine.notify;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the events for one receiver name go: a generic JSON webhook or a Slack-compatible incoming webhook.
 * The URL (a Slack webhook URL is itself the secret) and the token are secrets: {@link #toString} shows neither,
 * and no message of this product contains them (docs/notifications.md).
 *
 * @param name  the name gitops.yaml uses, e.g. {@code ops-slack}
 * @param type  how the payload is shaped
 * @param url   an absolute {@code http} or {@code https} URL
 * @param token sent as {@code Authorization: Bearer <token>} to a generic webhook; null for none
 */
public record Receiver(String name, Type type, URI url, String token) {
    /** Receiver names: what gitops.yaml may write, so that each maps to one {@code GITOPS_RECEIVER_<NAME>_URL}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Shorter paths ({@code /events}, {@code /api/hooks}) are not masked on their own: they are not secrets. */
    static final int MIN_SECRET_PATH = 20;

    /** The payload shape. */
    public enum Type {
        /** POST of the event as JSON (docs/notifications.md, "Generic webhook"). */
        WEBHOOK,
        /** POST of {@code {"text": ..., "blocks": [...]}}, as Slack's incoming webhooks accept (and Mattermost, Rocket.Chat). */
        SLACK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code webhook} or {@code slack}; {@code where} names the option or variable in the error. */
        public static Type parse(String value, String where) {
            for (Type t : values()) {
                if (t.id().equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            throw new InvalidInputException(where + ": receiver type '" + value + "' is not one of webhook, slack");
        }
    }

    public Receiver {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("receiver name '" + name + "' is not valid: use lower-case letters, digits"
                    + " and '-' (e.g. ops-slack)");
        }
        token = token == null || token.isBlank() ? null : token;
    }

    /**
     * A receiver from an address as an operator writes it: {@code [slack:|webhook:]https://...}; without a prefix
     * a generic webhook. The URL never appears in the error: {@code where} names what to fix.
     */
    public static Receiver of(String name, String address, String token, String where) {
        String value = address == null ? "" : address.trim();
        Type type = Type.WEBHOOK;
        for (Type t : Type.values()) {
            if (value.startsWith(t.id() + ":") && !value.startsWith(t.id() + "://")) {
                type = t;
                value = value.substring(t.id().length() + 1);
            }
        }
        return new Receiver(name, type, url(value, where), token);
    }

    private static URI url(String value, String where) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": the receiver's URL is not a valid URL (not shown: it may hold a token)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(scheme) || uri.getHost() == null) {
            throw new InvalidInputException(where + ": the receiver's URL must be an absolute http:// or https:// URL"
                    + " (not shown: it may hold a token), optionally prefixed with slack: or webhook:");
        }
        return uri;
    }

    /** The name of the environment variable holding this name's URL: {@code GITOPS_RECEIVER_OPS_SLACK_URL}. */
    public static String variable(String name, String suffix) {
        return "GITOPS_RECEIVER_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
    }

    /**
     * The secret values of this receiver, for masking: its URL, its token, its query, and its path when long enough
     * to be a token (a Slack webhook's {@code /services/T.../B.../...}) rather than a word that messages also use.
     */
    public List<String> secretValues() {
        List<String> values = new java.util.ArrayList<>(List.of(url.toString()));
        if (url.getRawPath() != null && url.getRawPath().length() >= MIN_SECRET_PATH) {
            values.add(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            values.add(url.getRawQuery());
        }
        if (token != null) {
            values.add(token);
        }
        return values;
    }

    @Override
    public String toString() {
        return "Receiver[" + name + ", " + type.id() + "]";
    }
}
