package io.jenkins.plugins.gitops.engine.cluster.swarm;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.nio.file.Path;

/**
 * How to reach a Docker daemon that is a swarm manager: {@code unix:///path/docker.sock} or
 * {@code tcp://host:2376}, with TLS client certificates for tcp either from a folder holding
 * {@code ca.pem}, {@code cert.pem} and {@code key.pem} (the Docker convention) or as PEM text (what a
 * Jenkins credential hands over). {@link #toString()} never shows the key.
 */
public record SwarmConnection(String dockerHost, Path tlsDirectory, String caPem, String certPem, String keyPem) {

    public SwarmConnection {
        if (dockerHost == null || dockerHost.isBlank()) {
            throw new InvalidInputException("--docker-host is required: unix:///var/run/docker.sock or tcp://host:2376");
        }
        if (!dockerHost.startsWith("unix://") && !dockerHost.startsWith("tcp://")) {
            throw new InvalidInputException("--docker-host '" + dockerHost
                    + "' is not supported; use unix:///path/to/docker.sock or tcp://host:2376");
        }
        boolean anyPem = caPem != null || certPem != null || keyPem != null;
        if (anyPem && (caPem == null || certPem == null || keyPem == null)) {
            throw new InvalidInputException("Docker TLS for " + dockerHost
                    + " needs all three of the CA certificate, the client certificate and the client key");
        }
        if (anyPem && tlsDirectory != null) {
            throw new InvalidInputException("Docker TLS for " + dockerHost
                    + ": give either a certificate folder or PEM certificates, not both");
        }
    }

    /** A daemon reached without TLS (a unix socket, or tcp on a trusted network). */
    public static SwarmConnection plain(String dockerHost) {
        return new SwarmConnection(dockerHost, null, null, null, null);
    }

    /** TLS with {@code ca.pem}, {@code cert.pem} and {@code key.pem} from a folder. */
    public static SwarmConnection tls(String dockerHost, Path certificateFolder) {
        return new SwarmConnection(dockerHost, certificateFolder, null, null, null);
    }

    /** TLS with certificates given as PEM text (Jenkins Docker server credentials). */
    public static SwarmConnection tlsPem(String dockerHost, String caPem, String certPem, String keyPem) {
        return new SwarmConnection(dockerHost, null, caPem, certPem, keyPem);
    }

    public boolean usesTls() {
        return tlsDirectory != null || keyPem != null;
    }

    @Override
    public String toString() {
        return dockerHost + (tlsDirectory != null ? " (TLS certificates from " + tlsDirectory + ")"
                : keyPem != null ? " (TLS client certificate)" : "");
    }
}
