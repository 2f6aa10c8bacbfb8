package io.jenkins.plugins.gitops.engine.verify;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;

/**
 * The keys whose signatures are trusted: OpenPGP public keys (armored or binary keyrings, as
 * {@code gpg --export [--armor]} writes them) and an SSH {@code allowed_signers} file (the format of
 * {@code ssh-keygen -Y verify}, git's {@code gpg.ssh.allowedSignersFile}). They always come from the operator
 * (command options, Jenkins credentials), never from the repository being verified.
 */
public final class TrustedKeys {
    /** No key at all: every signature is untrusted. */
    public static final TrustedKeys NONE = new TrustedKeys(List.of(), null, List.of());

    private final List<PGPPublicKeyRing> openPgp;
    private final Path allowedSigners;
    private final List<String> sources;

    private TrustedKeys(List<PGPPublicKeyRing> openPgp, Path allowedSigners, List<String> sources) {
        this.openPgp = List.copyOf(openPgp);
        this.allowedSigners = allowedSigners;
        this.sources = List.copyOf(sources);
    }

    /**
     * Reads OpenPGP public key files and an SSH allowed_signers file (either may be absent: empty list, null).
     *
     * @throws InvalidInputException naming the file when one is missing, unreadable or holds no public key, or
     *     when a line of the allowed_signers file is not an entry ({@link AllowedSignersCheck})
     */
    public static TrustedKeys load(List<Path> openPgpFiles, Path allowedSignersFile) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path file : openPgpFiles) {
            try {
                rings.addAll(readOpenPgp(Files.readAllBytes(file), file.toString()));
            } catch (IOException e) {
                throw new InvalidInputException("--trusted-keys " + file + ": cannot read it (" + e.getMessage()
                        + "); give a file with OpenPGP public keys (gpg --export --armor KEYID)");
            }
            sources.add(file.toString());
        }
        Path signers = null;
        if (allowedSignersFile != null) {
            if (!Files.isRegularFile(allowedSignersFile) || !Files.isReadable(allowedSignersFile)) {
                throw new InvalidInputException("--allowed-signers " + allowedSignersFile + ": no such readable file; give "
                        + "an SSH allowed_signers file (lines 'alice@example.com ssh-ed25519 AAAA...')");
            }
            signers = allowedSignersFile.toAbsolutePath().normalize();
            try {
                AllowedSignersCheck.check(Files.readString(signers, java.nio.charset.StandardCharsets.UTF_8),
                        allowedSignersFile.toString());
            } catch (IOException e) {
                throw new InvalidInputException("--allowed-signers " + allowedSignersFile + ": cannot read it as text ("
                        + e.getClass().getSimpleName() + "); give an SSH allowed_signers file");
            }
            sources.add(signers.toString());
        }
        return new TrustedKeys(rings, signers, sources);
    }

    /**
     * Keys given as content (Jenkins credentials): OpenPGP keys and allowed_signers text; either may be null.
     * The allowed_signers content is written to a private file under {@code workDir} because JGit reads it
     * from a file; the caller deletes {@code workDir} when done with the keys (the plugin: per session).
     */
    public static TrustedKeys fromContent(byte[] openPgpKeys, String openPgpSource, byte[] allowedSignersContent,
            Path workDir) {
        List<PGPPublicKeyRing> rings = openPgpKeys == null ? List.of() : readOpenPgp(openPgpKeys, openPgpSource);
        Path signers = null;
        if (allowedSignersContent != null) {
            AllowedSignersCheck.check(new String(allowedSignersContent, java.nio.charset.StandardCharsets.UTF_8),
                    "(allowed signers credential)");
            try {
                Files.createDirectories(workDir);
                signers = Files.createTempFile(workDir, "allowed_signers", "");
                Files.write(signers, allowedSignersContent);
            } catch (IOException e) {
                throw new io.jenkins.plugins.gitops.engine.OperationFailedException("cannot write the allowed signers to "
                        + workDir + ": " + e.getMessage(), e);
            }
        }
        return new TrustedKeys(rings, signers, openPgpSource == null ? List.of() : List.of(openPgpSource));
    }

    static List<PGPPublicKeyRing> readOpenPgp(byte[] content, String source) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(content))) {
            PGPPublicKeyRingCollection collection = new PGPPublicKeyRingCollection(in,
                    new org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator());
            collection.forEach(rings::add);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new InvalidInputException("--trusted-keys " + source + ": not OpenPGP public keys (" + e.getMessage()
                    + "); export them with 'gpg --export --armor KEYID' (never a secret key)");
        }
        if (rings.isEmpty()) {
            throw new InvalidInputException("--trusted-keys " + source + ": no OpenPGP public key in it; export one with "
                    + "'gpg --export --armor KEYID'");
        }
        return rings;
    }

    List<PGPPublicKeyRing> openPgp() {
        return openPgp;
    }

    /** The allowed_signers file, or null when no SSH signer is trusted. */
    Path allowedSigners() {
        return allowedSigners;
    }

    /** True when no key at all is trusted (so a {@code required} environment cannot pass). */
    public boolean isEmpty() {
        return openPgp.isEmpty() && allowedSigners == null;
    }

    /** Where the keys came from (file names, credential ids), for messages. */
    public List<String> sources() {
        return sources;
    }
}
