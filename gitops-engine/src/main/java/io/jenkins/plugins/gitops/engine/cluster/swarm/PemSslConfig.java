package io.jenkins.plugins.gitops.engine.cluster.swarm;

import com.github.dockerjava.core.util.CertificateUtils;
import com.github.dockerjava.transport.SSLConfig;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS client configuration from PEM text: the CA that signed the daemon's certificate, our certificate and key. */
final class PemSslConfig implements SSLConfig {
    private static final char[] KEYSTORE_PASSWORD = "docker".toCharArray();
    private final String caPem;
    private final String certPem;
    private final String keyPem;

    PemSslConfig(String caPem, String certPem, String keyPem) {
        this.caPem = caPem;
        this.certPem = certPem;
        this.keyPem = keyPem;
    }

    @Override
    public SSLContext getSSLContext() {
        try {
            KeyStore keyStore = CertificateUtils.createKeyStore(keyPem, certPem);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, KEYSTORE_PASSWORD);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(CertificateUtils.createTrustStore(caPem));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (Exception e) {
            // The cause may quote PEM content; keep only its type.
            throw new IllegalArgumentException("Docker TLS certificates could not be read ("
                    + e.getClass().getSimpleName() + "); check that they are PEM encoded");
        }
    }

    @Override
    public String toString() {
        return "PEM TLS configuration";
    }
}
