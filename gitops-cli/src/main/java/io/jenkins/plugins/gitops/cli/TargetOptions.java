package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which cluster or Docker daemon: the repository says what, these options say where. */
public final class TargetOptions {
    @Option(names = "--kubeconfig", description = "kubeconfig file (default: $KUBECONFIG or ~/.kube/config)")
    String kubeconfig;

    @Option(names = "--context", description = "kubeconfig context (default: the environment's, else the current one)")
    String context;

    @Option(names = "--docker-host", description = "unix:///path or tcp://host:2376 (default: $DOCKER_HOST)")
    String dockerHost;

    @Option(names = "--docker-cert-path", description = "folder with ca.pem, cert.pem, key.pem for TLS (default: $DOCKER_CERT_PATH)")
    String dockerCertPath;

    /** These options, with what was not given here taken from {@code outer} (options before the subcommand). */
    public TargetOptions orElse(TargetOptions outer) {
        if (outer == null) {
            return this;
        }
        TargetOptions merged = new TargetOptions();
        merged.kubeconfig = kubeconfig != null ? kubeconfig : outer.kubeconfig;
        merged.context = context != null ? context : outer.context;
        merged.dockerHost = dockerHost != null ? dockerHost : outer.dockerHost;
        merged.dockerCertPath = dockerCertPath != null ? dockerCertPath : outer.dockerCertPath;
        return merged;
    }

    public TargetSettings settings(Map<String, String> env) {
        return TargetSettings.DEFAULTS.withKubeconfigFile(kubeconfig != null ? kubeconfig : env.get("KUBECONFIG"), context)
                .withDockerHost(dockerHost != null ? dockerHost : env.get("DOCKER_HOST"),
                        dockerCertPath != null ? dockerCertPath : env.get("DOCKER_CERT_PATH"));
    }
}
