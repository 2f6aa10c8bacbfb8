package io.jenkins.plugins.gitops.engine.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which repository and environment own an object: this product's counterpart of Argo CD's tracking
 * id (annotation {@code argocd.argoproj.io/tracking-id}, where the application name plays the part
 * of repository plus environment). Two repositories, or two Jenkins controllers deploying different
 * repositories, with equal environment names thus never take each other's objects for their own.
 * <p>
 * Written on every managed object as the label {@link Labels#OWNER} ({@link #label()}, a hash, since
 * label values are limited to 63 characters; listings select on it) and, readable, as the annotation
 * (Kubernetes) or label (Swarm) {@link Labels#TRACKING_ID} ({@link #value()}), which error messages quote.
 *
 * @param repository  the repository's stable id ({@link #repositoryId}): {@code github.com/team-a/deploy}
 *                    for every URL form of it; {@code ""} when unknown (environments built in code)
 * @param environment the environment name of gitops.yaml
 */
public record TrackingId(String repository, String environment) {
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/]+@)?([^:/]+):(?!//)(.+)");
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^@/]*@)?([^/:]*)(?::(\\d+))?(/.*)?");

    public TrackingId {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(environment, "environment");
    }

    /** {@code <repository>#<environment>}, as the tracking-id annotation holds it. */
    public String value() {
        return repository + "#" + environment;
    }

    /** The owner label value: the first 24 hex digits of the SHA-256 of {@link #value()}. */
    public String label() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How people read it: {@code environment 'production' of repository github.com/team-a/deploy}. */
    public String describe() {
        return "environment '" + environment + "' of " + (repository.isEmpty() ? "an unnamed repository"
                : "repository " + repository);
    }

    /**
     * The stable id of a repository location, the same for its https, ssh and scp-like URLs (as Argo
     * CD's {@code NormalizeGitURL}): scheme, user info and default ports dropped, {@code .git} and
     * trailing {@code /} removed, lower case; a local path becomes its absolute, real path.
     * Examples: {@code https://user@GitHub.com/team-a/deploy.git}, {@code git@github.com:team-a/deploy}
     * and {@code ssh://git@github.com:22/team-a/deploy/} are all {@code github.com/team-a/deploy}.
     */
    public static String repositoryId(String location) {
        String text = location == null ? "" : location.trim();
        Matcher url = URL.matcher(text);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            String path = url.group(4) == null ? "" : url.group(4);
            if (scheme.equals("file")) {
                return localPath(path);
            }
            String port = url.group(3);
            boolean defaultPort = port == null || port.equals("22") || port.equals("80") || port.equals("443")
                    || port.equals("9418");
            return trimmed((url.group(2) + (defaultPort ? "" : ":" + port) + path).toLowerCase(Locale.ROOT));
        }
        Matcher scp = SCP_LIKE.matcher(text);
        Path asPath = pathOrNull(text);
        boolean existing = asPath != null && Files.exists(asPath);
        if (scp.matches() && !text.matches("[A-Za-z]:[\\\\/].*") && !existing) {
            String path = scp.group(2).startsWith("/") ? scp.group(2) : "/" + scp.group(2);
            return trimmed((scp.group(1) + path).toLowerCase(Locale.ROOT));
        }
        return localPath(text);
    }

    private static String trimmed(String id) {
        String out = id;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out.endsWith(".git") ? out.substring(0, out.length() - 4) : out;
    }

    private static String localPath(String text) {
        Path path = pathOrNull(text);
        if (path == null) {
            return trimmed(text);
        }
        try {
            path = Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (java.io.IOException e) {
            path = path.toAbsolutePath().normalize();
        }
        return trimmed(path.toString().replace('\\', '/'));
    }

    private static Path pathOrNull(String text) {
        try {
            return Path.of(text.isEmpty() ? "." : text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
