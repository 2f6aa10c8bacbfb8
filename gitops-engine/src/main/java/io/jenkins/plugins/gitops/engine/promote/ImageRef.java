package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One container image reference split into its repository name (with registry and port, without
 * tag: {@code registry:5000/team/app}), tag ({@code 1.2.0}, null when absent) and digest
 * ({@code sha256:...}, null when absent). Names are compared as written: {@code nginx} and
 * {@code docker.io/library/nginx} are different names, as they are for kustomize {@code images:}.
 */
public record ImageRef(String name, String tag, String digest) {
    private static final Pattern NAME = Pattern.compile(
            "(?:[a-zA-Z0-9][a-zA-Z0-9.-]*(?::[0-9]{1,5})?/)?[a-zA-Z0-9][a-zA-Z0-9._-]*(?:/[a-zA-Z0-9][a-zA-Z0-9._-]*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");

    public ImageRef {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("image name '" + name + "' is not a valid repository name");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new InvalidInputException("image tag '" + tag + "' of " + name + " is not a valid tag"
                    + " (letters, digits, '_', '.', '-'; at most 128)");
        }
        if (digest != null && !DIGEST.matcher(digest).matches()) {
            throw new InvalidInputException("image digest '" + digest + "' of " + name
                    + " is not a valid digest (algorithm:hex, such as sha256:...)");
        }
    }

    /**
     * Parses {@code [registry[:port]/]path[:tag][@digest]}. The tag is the part after the last ':'
     * that follows the last '/', so a registry port is never taken for a tag.
     */
    public static ImageRef parse(String image) {
        if (image == null || image.isBlank() || !image.equals(image.strip())) {
            throw new InvalidInputException("image reference '" + image + "' is empty or has spaces");
        }
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (tag.isEmpty()) {
                throw new InvalidInputException("image reference '" + image + "' has an empty tag after ':'");
            }
        }
        if (rest.isEmpty()) {
            throw new InvalidInputException("image reference '" + image + "' has no repository name");
        }
        return new ImageRef(rest, tag, digest);
    }

    /** The tag, the digest, or both ({@code 1.2@sha256:..}); {@code ""} when the reference has neither. */
    public String version() {
        return (tag == null ? "" : tag) + (digest == null ? "" : "@" + digest);
    }

    /** The same name with another tag and digest. */
    public ImageRef withVersion(String newTag, String newDigest) {
        return new ImageRef(name, newTag, newDigest);
    }

    /** {@code name[:tag][@digest]}: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
