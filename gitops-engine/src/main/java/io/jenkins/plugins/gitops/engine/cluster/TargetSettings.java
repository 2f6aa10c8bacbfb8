package io.jenkins.plugins.gitops.engine.cluster;

/**
 * How to reach targets, chosen outside the repository (command options, environment variables or
 * Jenkins credentials). Holds secrets: {@link #toString()} never prints them.
 *
 * @param kubeconfig     kubeconfig YAML content (from a secret file/text credential), or null
 * @param kubeconfigFile path of a kubeconfig file, or null (then content, then the default lookup)
 * @param context        kubeconfig context overriding the environment's, or null
 * @param dockerHost     {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}, or null for DOCKER_HOST
 * @param dockerCaPem    Docker TLS CA certificate (PEM), or null
 * @param dockerCertPem  Docker TLS client certificate (PEM), or null
 * @param dockerKeyPem   Docker TLS client key (PEM), or null
 * @param dockerCertPath folder with ca.pem, cert.pem, key.pem (alternative to the PEM strings), or null
 */
public record TargetSettings(String kubeconfig, String kubeconfigFile, String context, String dockerHost,
        String dockerCaPem, String dockerCertPem, String dockerKeyPem, String dockerCertPath) {

    public static final TargetSettings DEFAULTS = new TargetSettings(null, null, null, null, null, null, null, null);

    public TargetSettings withKubeconfigFile(String file, String newContext) {
        return new TargetSettings(kubeconfig, file, newContext, dockerHost, dockerCaPem, dockerCertPem, dockerKeyPem,
                dockerCertPath);
    }

    public TargetSettings withDockerHost(String host, String certPath) {
        return new TargetSettings(kubeconfig, kubeconfigFile, context, host, dockerCaPem, dockerCertPem, dockerKeyPem,
                certPath);
    }

    @Override
    public String toString() {
        return "TargetSettings[kubeconfig=" + (kubeconfig == null ? "none" : "****") + ", kubeconfigFile=" + kubeconfigFile
                + ", context=" + context + ", dockerHost=" + dockerHost + ", dockerTls="
                + (dockerKeyPem != null || dockerCertPath != null ? "****" : "none") + "]";
    }
}
