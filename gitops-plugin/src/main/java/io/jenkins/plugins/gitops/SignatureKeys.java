package io.jenkins.plugins.gitops;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.security.ACL;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.verify.TrustedKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The keys of {@code verify.signatures} (docs/signed-commits.md) from the credentials named in the global
 * configuration: trusted OpenPGP public keys and an SSH {@code allowed_signers} file (secret file or secret
 * text), and the engine's own SSH signing key for promotion and revert commits (SSH username with private
 * key, unencrypted, or a secret file).
 *
 * <p>They are looked up among the controller's own credentials as SYSTEM, never in the run's or the job's
 * context: credentials plugin {@code CredentialsProvider.findCredentialByIdInItemGroup(id, type,
 * Jenkins.get(), ACL.SYSTEM2, List.of())}, which with the Jenkins root as context sees the global store's
 * credentials of both Global and System scope. Only someone who may change the global configuration or the
 * global credentials (administrators) can so change what is trusted; a folder or job credential with the
 * same id cannot stand in for a trusted key, and no Jenkinsfile can name its own.
 *
 * <p>JGit reads the allowed_signers file and the signing key from files: they are written to a directory
 * of their own (owner-only permissions where the file system has them) under the controller's GitOps cache,
 * deleted when the session closes. The signing key's text is added to the session's masked secrets.
 */
final class SignatureKeys implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(SignatureKeys.class.getName());
    static final SignatureKeys NONE = new SignatureKeys(null, TrustedKeys.NONE, null);

    private final Path dir;
    private final TrustedKeys trustedKeys;
    private final Path signingKey;

    private SignatureKeys(Path dir, TrustedKeys trustedKeys, Path signingKey) {
        this.dir = dir;
        this.trustedKeys = trustedKeys;
        this.signingKey = signingKey;
    }

    /**
     * Reads the configured credentials; {@link #NONE} when none is configured.
     *
     * @param workRoot where the per-session key directory is made
     * @param secrets  receives the signing key's text, so logs and messages mask it
     * @throws InvalidInputException naming the credential id when one is missing or of the wrong type
     */
    static SignatureKeys resolve(GitOpsConfiguration config, Path workRoot, Collection<String> secrets) {
        String pgpId = config.getTrustedKeysCredentialsId();
        String signersId = config.getAllowedSignersCredentialsId();
        String signingId = config.getSigningKeyCredentialsId();
        if (pgpId == null && signersId == null && signingId == null) {
            return NONE;
        }
        Path dir = privateDirectory(workRoot);
        try {
            byte[] pgp = pgpId == null ? null : content(pgpId, "trusted OpenPGP keys");
            byte[] signers = signersId == null ? null : content(signersId, "SSH allowed signers");
            TrustedKeys keys = TrustedKeys.fromContent(pgp, pgpId == null ? null : "credentials '" + pgpId + "'", signers, dir);
            Path signingKey = signingId == null ? null : signingKey(signingId, dir, secrets);
            return new SignatureKeys(dir, keys, signingKey);
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    TrustedKeys trustedKeys() {
        return trustedKeys;
    }

    /** The engine's signing key file, or null when none is configured. */
    Path signingKey() {
        return signingKey;
    }

    @Override
    public void close() {
        if (dir != null) {
            delete(dir);
        }
    }

    private static StandardCredentials find(String id, String purpose) {
        StandardCredentials found = CredentialsProvider.findCredentialByIdInItemGroup(id, StandardCredentials.class,
                Jenkins.get(), ACL.SYSTEM2, List.of());
        if (found == null) {
            throw new InvalidInputException("Credentials '" + id + "' for the " + purpose + " (Manage Jenkins > System >"
                    + " GitOps) were not found among the controller's global credentials: add them there (Manage"
                    + " Jenkins > Credentials > System > Global credentials) or fix the id");
        }
        return found;
    }

    /** Public keys or allowed_signers text: a secret file or secret text. */
    private static byte[] content(String id, String purpose) {
        StandardCredentials found = find(id, purpose);
        if (found instanceof FileCredentials file) {
            try (InputStream in = file.getContent()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new InvalidInputException("Credentials '" + id + "' (" + purpose + "): cannot read the secret file ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (found instanceof StringCredentials text) {
            return text.getSecret().getPlainText().getBytes(StandardCharsets.UTF_8);
        }
        throw new InvalidInputException("Credentials '" + id + "' cannot be used for the " + purpose
                + ": use a secret file or secret text");
    }

    private static Path signingKey(String id, Path dir, Collection<String> secrets) {
        StandardCredentials found = find(id, "engine's signing key");
        String pem;
        if (found instanceof SSHUserPrivateKey key) {
            if (key.getPassphrase() != null && !key.getPassphrase().getPlainText().isEmpty()) {
                throw new InvalidInputException("Credentials '" + id + "' (the engine's signing key) have a passphrase:"
                        + " the engine signs with an unencrypted SSH key (ssh-keygen -t ed25519 -N '')");
            }
            pem = String.join("\n", key.getPrivateKeys()) + "\n";
        } else if (found instanceof FileCredentials file) {
            pem = new String(content(id, "engine's signing key"), StandardCharsets.UTF_8);
        } else {
            throw new InvalidInputException("Credentials '" + id + "' cannot be used as the engine's signing key: use"
                    + " SSH username with private key (unencrypted) or a secret file holding the private key");
        }
        secrets.add(pem.strip());
        try {
            Path file = dir.resolve("signing_key");
            Files.writeString(file, pem, StandardCharsets.UTF_8);
            ownerOnly(file, "rw-------");
            return file;
        } catch (IOException e) {
            throw new OperationFailedException("cannot write the engine's signing key under " + dir + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Path privateDirectory(Path root) {
        try {
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "keys-");
            ownerOnly(dir, "rwx------");
            return dir;
        } catch (IOException e) {
            throw new OperationFailedException("cannot make a key directory under " + root + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory under JENKINS_HOME is as private as the home is
        }
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not delete the key directory " + dir, e);
        }
    }
}
