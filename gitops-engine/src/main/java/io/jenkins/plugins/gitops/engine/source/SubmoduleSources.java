package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.URIish;

/**
 * The submodules of one repository, followed as {@code git clone --recurse-submodules} and Flux's
 * {@code recurseSubmodules} do: the URL comes from {@code .gitmodules} at the superproject's commit
 * (relative URLs such as {@code ../vendor.git} against the superproject's URL), the submodule is
 * fetched into a cache of its own, and read at the commit the gitlink records. The repository's
 * credentials go along only to the same host, so a {@code .gitmodules} cannot send them elsewhere;
 * local and {@code file://} URLs are refused, as git refuses them for submodules since 2.38.1
 * ({@code protocol.file.allow=user}). Whatever cannot be followed is an error naming the submodule.
 */
final class SubmoduleSources implements GitTree.Submodules, AutoCloseable {
    static final String GITMODULES = ".gitmodules";

    private final GitRemote superproject;
    private final Path cacheRoot;
    private final Map<String, GitSource> sources = new LinkedHashMap<>();

    SubmoduleSources(GitRemote superproject, Path cacheRoot) {
        this.superproject = superproject;
        this.cacheRoot = cacheRoot;
    }

    @Override
    public SourceTree open(GitTree tree, String path, ObjectId commit) {
        String where = "submodule '" + path + "' (commit " + commit.name().substring(0, 12) + ") of "
                + superproject.display();
        String url = url(tree, path, where);
        boolean sameHost = host(url, where).equals(superproject.host());
        String note = sameHost || superproject.credentials() instanceof GitCredentials.None ? ""
                : " (the repository's credentials are not sent to " + host(url, where) + ", another host than the"
                        + " repository's)";
        try {
            GitSource source;
            synchronized (sources) {
                source = sources.computeIfAbsent(url, u -> new GitSource(u,
                        sameHost ? superproject.credentials() : GitCredentials.NONE, cacheRoot));
            }
            return source.submoduleTree(commit, path + "/");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ", from " + GitSource.redact(url) + note + ": " + e.getMessage(), e);
        } catch (OperationFailedException e) {
            throw new OperationFailedException(where + ", from " + GitSource.redact(url) + note + ": " + e.getMessage(), e);
        } catch (GitOpsException e) {
            throw new OperationFailedException(where + ", from " + GitSource.redact(url) + note + ": " + e.getMessage(), e);
        }
    }

    /** The submodule's URL from .gitmodules at the tree's commit, relative URLs resolved, checked. */
    private String url(GitTree tree, String path, String where) {
        if (!tree.isFile(GITMODULES)) {
            throw new InvalidInputException(where + ": the repository has no " + GITMODULES + " naming its URL, so it"
                    + " cannot be fetched; add it with `git submodule add URL " + path + "`, or commit the files"
                    + " themselves instead of a nested repository");
        }
        Config config = new Config();
        try {
            config.fromText(new String(tree.read(GITMODULES), StandardCharsets.UTF_8));
        } catch (ConfigInvalidException e) {
            throw new InvalidInputException(GITMODULES + ": not a valid git config file (" + e.getMessage() + ")", e);
        }
        for (String name : config.getSubsections("submodule")) {
            if (path.equals(RepoPaths.normalize(String.valueOf(config.getString("submodule", name, "path")), GITMODULES))) {
                String url = config.getString("submodule", name, "url");
                if (url == null || url.isBlank()) {
                    throw new InvalidInputException(GITMODULES + ": submodule '" + name + "' has no url; set"
                            + " submodule." + name + ".url");
                }
                return checked(resolve(url.trim(), where), where);
            }
        }
        throw new InvalidInputException(where + ": " + GITMODULES + " has no submodule with path '" + path
                + "', so its URL is unknown; add it with `git submodule add URL " + path + "`");
    }

    /** A URL relative to the superproject's ({@code ./x}, {@code ../x}), resolved as git does; others as they are. */
    private String resolve(String url, String where) {
        if (!url.startsWith("./") && !url.startsWith("../")) {
            return url;
        }
        String base = superproject.url();
        int pathStart = base.contains("://") ? base.indexOf('/', base.indexOf("://") + 3)
                : base.indexOf(':') + 1; // scp-like user@host:path
        String prefix = pathStart <= 0 ? "" : base.substring(0, pathStart);
        List<String> parts = new ArrayList<>(Arrays.asList((pathStart <= 0 ? base : base.substring(pathStart))
                .replaceAll("/+$", "").split("/")));
        String rest = url;
        while (rest.startsWith("./") || rest.startsWith("../")) {
            if (rest.startsWith("./")) {
                rest = rest.substring(2);
                continue;
            }
            if (parts.isEmpty() || parts.size() == 1 && parts.get(0).isEmpty()) {
                throw new InvalidInputException(where + ": " + GITMODULES + " URL '" + url
                        + "' climbs above the repository's URL " + superproject.display());
            }
            parts.remove(parts.size() - 1);
            rest = rest.substring(3);
        }
        parts.add(rest);
        return prefix + String.join("/", parts);
    }

    private String checked(String url, String where) {
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(where + ": " + GITMODULES + " URL '" + GitSource.redact(url)
                    + "' is not a Git URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean remote = uri.getHost() != null && !url.startsWith("-")
                && (scheme.isEmpty() || List.of("https", "http", "ssh", "git", "git+ssh", "ssh+git").contains(scheme));
        if (!remote) {
            throw new InvalidInputException(where + ": " + GITMODULES + " URL '" + GitSource.redact(url) + "' is a"
                    + " local path or an unsupported transport; submodules are fetched only over https, ssh or git"
                    + " (git itself refuses local submodule URLs since 2.38.1), so publish the submodule on a Git"
                    + " server and give its URL");
        }
        return url;
    }

    private static String host(String url, String where) {
        try {
            String host = new URIish(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(where + ": '" + GitSource.redact(url) + "' is not a Git URL");
        }
    }

    @Override
    public void close() {
        synchronized (sources) {
            sources.values().forEach(GitSource::close);
            sources.clear();
        }
    }
}
