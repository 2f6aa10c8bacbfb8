package io.jenkins.plugins.gitops.engine.source;

/**
 * How to authenticate to a Git remote. Secrets are held as char arrays and never appear in
 * {@link #toString()}, logs or exception messages.
 */
public sealed interface GitCredentials {
    GitCredentials NONE = new None();

    static GitCredentials usernamePassword(String username, char[] password) {
        return new UsernamePassword(username, password);
    }

    /** A token sent as the HTTP password (GitHub, GitLab, Bitbucket accept any user name with it). */
    static GitCredentials token(char[] token) {
        return new UsernamePassword("x-access-token", token);
    }

    /** An SSH key checked against the user's {@code ~/.ssh/known_hosts} (see {@link HostKeys#USER_KNOWN_HOSTS}). */
    static GitCredentials sshKey(String username, String privateKeyPem, char[] passphrase) {
        return new SshKey(username, privateKeyPem, passphrase, HostKeys.USER_KNOWN_HOSTS);
    }

    /** An SSH key with an explicit choice of which server host keys to trust. */
    static GitCredentials sshKey(String username, String privateKeyPem, char[] passphrase, HostKeys hostKeys) {
        return new SshKey(username, privateKeyPem, passphrase, hostKeys);
    }

    record None() implements GitCredentials {
        @Override
        public String toString() {
            return "no credentials";
        }
    }

    record UsernamePassword(String username, char[] password) implements GitCredentials {
        @Override
        public String toString() {
            return "username/password for '" + username + "' (****)";
        }
    }

    /**
     * An SSH private key (OpenSSH, PKCS#8 or PKCS#1 PEM text, as stored in a Jenkins SSH credential),
     * kept in memory only: it is never written to disk. {@code passphrase} may be null for an
     * unencrypted key. {@code hostKeys} says which SSH servers are trusted.
     */
    record SshKey(String username, String privateKeyPem, char[] passphrase, HostKeys hostKeys) implements GitCredentials {
        public SshKey {
            hostKeys = hostKeys == null ? HostKeys.USER_KNOWN_HOSTS : hostKeys;
        }

        public SshKey(String username, String privateKeyPem, char[] passphrase) {
            this(username, privateKeyPem, passphrase, HostKeys.USER_KNOWN_HOSTS);
        }

        @Override
        public String toString() {
            return "SSH private key for '" + username + "' (****)";
        }
    }

    /**
     * Which SSH server host keys are trusted. The choice is explicit because a man in the middle
     * could otherwise read and rewrite what gets deployed:
     * <ul>
     * <li>{@link #USER_KNOWN_HOSTS} (the default): the {@code known_hosts} files of the user running
     * the engine, as {@code ssh} would use them; an unknown or changed host key is refused.</li>
     * <li>{@link #trust(String)}: only the given {@code known_hosts} lines (for example the output of
     * {@code ssh-keyscan}, stored next to the credential); anything else is refused.</li>
     * <li>{@link #ACCEPT_ANY}: every host key is accepted. Only for throw-away test setups: it must be
     * chosen on purpose and is logged as a warning on each connection.</li>
     * </ul>
     */
    record HostKeys(String knownHostsLines, boolean acceptAny) {
        public static final HostKeys USER_KNOWN_HOSTS = new HostKeys(null, false);
        public static final HostKeys ACCEPT_ANY = new HostKeys(null, true);

        public static HostKeys trust(String knownHostsLines) {
            if (knownHostsLines == null || knownHostsLines.isBlank()) {
                throw new IllegalArgumentException("known_hosts lines are empty");
            }
            return new HostKeys(knownHostsLines, false);
        }

        @Override
        public String toString() {
            return acceptAny ? "any host key (unchecked)"
                    : knownHostsLines == null ? "user known_hosts" : "configured known_hosts lines";
        }
    }
}
