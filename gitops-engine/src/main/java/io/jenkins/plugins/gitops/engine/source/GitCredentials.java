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

    static GitCredentials sshKey(String username, String privateKeyPem, char[] passphrase) {
        return new SshKey(username, privateKeyPem, passphrase);
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

    record SshKey(String username, String privateKeyPem, char[] passphrase) implements GitCredentials {
        @Override
        public String toString() {
            return "SSH private key for '" + username + "' (****)";
        }
    }
}
