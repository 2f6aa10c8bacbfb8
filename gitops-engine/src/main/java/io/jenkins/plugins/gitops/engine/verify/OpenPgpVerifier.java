package io.jenkins.plugins.gitops.engine.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.util.encoders.Hex;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;

/**
 * JGit's {@link SignatureVerifier} for OpenPGP signatures, checked with BouncyCastle against the operator's
 * {@link TrustedKeys} only. JGit's own BouncyCastle verifier ({@code org.eclipse.jgit.gpg.bc}) looks keys up
 * in the process's GnuPG home ({@code ~/.gnupg}, fixed once per JVM), which would trust whatever key anyone
 * imported there; this one follows the same steps (parse the detached signature, find the key by issuer
 * fingerprint or key id, {@code PGPSignature.verify}) with an explicit key list.
 * <p>
 * Trust: {@code FULL} when the key is in the list, {@code UNKNOWN} otherwise; a revoked key, or one expired
 * when the signature was made, is reported as not verified.
 */
final class OpenPgpVerifier implements SignatureVerifier {
    private final List<PGPPublicKeyRing> keys;

    OpenPgpVerifier(List<PGPPublicKeyRing> keys) {
        this.keys = keys;
    }

    @Override
    public SignatureVerification verify(Repository repository, GpgConfig config, byte[] data, byte[] signatureData)
            throws IOException {
        PGPSignature signature = parse(signatureData);
        if (signature == null) {
            return result(null, null, null, false, TrustLevel.NEVER, "not an OpenPGP signature");
        }
        Date created = signature.getCreationTime();
        String keyId = Long.toUnsignedString(signature.getKeyID(), 16).toUpperCase(Locale.ROOT);
        IssuerFingerprint issuer = signature.getHashedSubPackets() == null ? null
                : signature.getHashedSubPackets().getIssuerFingerprint();
        String fingerprint = issuer != null ? Hex.toHexString(issuer.getFingerprint()).toUpperCase(Locale.ROOT) : keyId;
        PGPPublicKey key = find(signature.getKeyID());
        if (key == null) {
            return result(created, fingerprint, null, false, TrustLevel.UNKNOWN,
                    "signed by OpenPGP key " + fingerprint + ", which is not among the trusted keys");
        }
        fingerprint = Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
        String user = userOf(key);
        boolean valid;
        try {
            signature.init(new JcaPGPContentVerifierBuilderProvider(), key);
            signature.update(data);
            valid = signature.verify();
        } catch (PGPException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            return result(created, fingerprint, user, false, TrustLevel.FULL,
                    "the OpenPGP signature does not match the commit's content");
        }
        if (key.hasRevocation() || master(key).hasRevocation()) {
            return result(created, fingerprint, user, false, TrustLevel.NEVER, "the OpenPGP key " + fingerprint + " is revoked");
        }
        long validSeconds = key.getValidSeconds();
        if (validSeconds > 0 && created != null
                && key.getCreationTime().toInstant().plusSeconds(validSeconds).isBefore(created.toInstant())) {
            return new SignatureVerification("openpgp", created, user, fingerprint, user, false, true, TrustLevel.NEVER,
                    "the OpenPGP key " + fingerprint + " had expired when the signature was made");
        }
        return result(created, fingerprint, user, true, TrustLevel.FULL, null);
    }

    private static SignatureVerification result(Date created, String fingerprint, String user, boolean verified,
            TrustLevel trust, String message) {
        return new SignatureVerification("openpgp", created, user, fingerprint, user, verified, false, trust, message);
    }

    private static PGPSignature parse(byte[] signatureData) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signatureData))) {
            Object object = new JcaPGPObjectFactory(in).nextObject();
            if (object instanceof PGPCompressedData compressed) {
                object = new JcaPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            return object instanceof PGPSignatureList list && !list.isEmpty() ? list.get(0) : null;
        } catch (PGPException | RuntimeException e) {
            return null;
        }
    }

    private PGPPublicKey find(long keyId) {
        for (PGPPublicKeyRing ring : keys) {
            PGPPublicKey key = ring.getPublicKey(keyId);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private PGPPublicKey master(PGPPublicKey key) {
        for (PGPPublicKeyRing ring : keys) {
            if (ring.getPublicKey(key.getKeyID()) != null) {
                return ring.getPublicKey();
            }
        }
        return key;
    }

    /** The first user id of the key's primary key ({@code Alice <alice@example.com>}). */
    private String userOf(PGPPublicKey key) {
        Iterator<String> ids = master(key).getUserIDs();
        return ids.hasNext() ? ids.next() : null;
    }

    @Override
    public String getName() {
        return "openpgp";
    }

    @Override
    public void clear() {
        // no cache
    }
}
