package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Git remote with its credentials: the parsed URL, its redacted form for messages, and
 * transports configured to authenticate (HTTP user/password or token, SSH key held in memory).
 */
final class GitRemote implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GitRemote.class);
    /** Connect and read timeout, so an unreachable remote fails instead of hanging a build. */
    static final int TIMEOUT_SECONDS = 60;

    private final URIish uri;
    private final String display;
    private final GitCredentials credentials;
    private final CredentialsProvider credentialsProvider;
    private final SshdSessionFactory sshSessionFactory;

    GitRemote(String remote, GitCredentials credentials) {
        if (remote == null || remote.isBlank()) {
            throw new InvalidInputException("the Git remote is empty: give a URL (https://, ssh://, git://, file://)"
                    + " or the path of a local repository");
        }
        URIish parsed = parse(remote.trim());
        GitCredentials creds = credentials == null ? GitCredentials.NONE : credentials;
        if (creds instanceof GitCredentials.SshKey key && parsed.getUser() == null && isSsh(parsed)) {
            parsed = parsed.setUser(key.username());
        }
        if (creds instanceof GitCredentials.None && parsed.getUser() != null && parsed.getPass() != null) {
            // user:password@ written in the URL: use it, but keep it out of the URI used for messages
            creds = GitCredentials.usernamePassword(parsed.getUser(), parsed.getPass().toCharArray());
            parsed = parsed.setUser(null).setPass(null);
        }
        this.credentialsProvider = creds instanceof GitCredentials.UsernamePassword up
                ? new UsernamePasswordCredentialsProvider(up.username(), up.password()) : null;
        this.uri = parsed;
        this.credentials = creds;
        this.display = GitSource.redact(parsed.toString());
        this.sshSessionFactory = creds instanceof GitCredentials.SshKey key ? sshFactory(key) : null;
    }

    /** The remote without user-info, safe for messages and logs. */
    String display() {
        return display;
    }

    /** The credentials in use (given, or taken from user:password in the URL). */
    GitCredentials credentials() {
        return credentials;
    }

    /** The URL without any password (a user name for SSH may remain), to resolve relative URLs against. */
    String url() {
        return uri.setPass(null).toString();
    }

    /** The host name in lower case, or "" for a local repository. */
    String host() {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the remote is a local path or {@code file://} URL. */
    boolean isLocal() {
        return uri.getHost() == null && (uri.getScheme() == null || uri.getScheme().equals("file"));
    }

    Transport open(Repository repository) throws TransportException {
        Transport transport;
        try {
            transport = Transport.open(repository, uri);
        } catch (org.eclipse.jgit.errors.NotSupportedException e) {
            throw new InvalidInputException("unsupported Git remote " + display
                    + ": use https://, http://, ssh://, git://, file:// or a local path", e);
        }
        transport.setTimeout(TIMEOUT_SECONDS);
        if (credentialsProvider != null) {
            transport.setCredentialsProvider(credentialsProvider);
        }
        if (sshSessionFactory != null && transport instanceof SshTransport ssh) {
            ssh.setSshSessionFactory(sshSessionFactory);
        }
        return transport;
    }

    @Override
    public void close() {
        if (sshSessionFactory != null) {
            sshSessionFactory.close();
        }
    }

    private static URIish parse(String remote) {
        try {
            if (!remote.contains("://")) {
                Path local = Path.of(remote);
                if (Files.exists(local)) {
                    return new URIish(local.toAbsolutePath().normalize().toString());
                }
            }
        } catch (InvalidPathException | URISyntaxException e) {
            // not a local path: parse it as a URL below
        }
        try {
            return new URIish(remote);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("not a Git URL: " + GitSource.redact(remote)
                    + "; use https://host/repo.git, ssh://user@host/repo.git, git://, file:// or a local path");
        }
    }

    private static boolean isSsh(URIish uri) {
        String scheme = uri.getScheme();
        return scheme == null ? uri.getHost() != null : scheme.startsWith("ssh") || scheme.contains("+ssh");
    }

    private static SshdSessionFactory sshFactory(GitCredentials.SshKey key) {
        List<KeyPair> keys = loadKeys(key);
        File home = FS.DETECTED.userHome();
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home)
                .setSshDirectory(new File(home, ".ssh"))
                .setPreferredAuthentications("publickey")
                .setDefaultKeysProvider(dir -> keys);
        GitCredentials.HostKeys hostKeys = key.hostKeys();
        if (hostKeys.acceptAny()) {
            builder.setServerKeyDatabase((h, s) -> new AcceptAnyHostKey());
        } else if (hostKeys.knownHostsLines() != null) {
            KnownHostsLines trusted = new KnownHostsLines(hostKeys.knownHostsLines());
            builder.setServerKeyDatabase((h, s) -> trusted);
        }
        return builder.build(new JGitKeyCache());
    }

    private static List<KeyPair> loadKeys(GitCredentials.SshKey key) {
        String problem = "the SSH private key of the credential for '" + key.username()
                + "' cannot be read; check that it is an OpenSSH or PEM private key and that the passphrase is right";
        if (key.privateKeyPem() == null || key.privateKeyPem().isBlank()) {
            throw new InvalidInputException(problem);
        }
        try {
            FilePasswordProvider passphrase = key.passphrase() == null || key.passphrase().length == 0
                    ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(new String(key.passphrase()));
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("credential"),
                    new ByteArrayInputStream(key.privateKeyPem().getBytes(StandardCharsets.UTF_8)), passphrase);
            List<KeyPair> keys = new ArrayList<>();
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
            if (keys.isEmpty()) {
                throw new InvalidInputException(problem);
            }
            return List.copyOf(keys);
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            // the parser's message may quote key material: keep only the type of the failure
            throw new InvalidInputException(problem + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Chosen explicitly with {@link GitCredentials.HostKeys#ACCEPT_ANY}: no protection against a man in the middle. */
    private static final class AcceptAnyHostKey implements ServerKeyDatabase {
        @Override
        public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
            return List.of();
        }

        @Override
        public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                Configuration config, CredentialsProvider provider) {
            LOG.warn("accepting the SSH host key of {} without checking it (host keys: accept any)", connectAddress);
            return true;
        }
    }
}
