package io.jenkins.plugins.gitops.engine.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmTarget;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.nio.file.Path;

/** Opens the right target for an environment from connection settings (command options or Jenkins credentials). */
public final class Targets {
    private Targets() {
    }

    public static TargetFactory factory(TargetSettings settings) {
        return environment -> open(environment, settings);
    }

    static Target open(Environment environment, TargetSettings settings) {
        if (environment.target().type() == TargetSpec.Type.SWARM) {
            return SwarmTarget.connect(environment, swarm(settings));
        }
        String context = settings.context() != null ? settings.context() : environment.target().context();
        if (settings.kubeconfig() != null) {
            Config config = Config.fromKubeconfig(context, settings.kubeconfig(), null);
            return new KubernetesTarget(new KubernetesClientBuilder()
                    .withConfig(KubernetesTarget.withEngineRetries(config)).build(), environment);
        }
        return KubernetesTarget.connect(environment, settings.kubeconfigFile(), context);
    }

    private static SwarmConnection swarm(TargetSettings settings) {
        String host = settings.dockerHost() != null ? settings.dockerHost() : "unix:///var/run/docker.sock";
        if (settings.dockerKeyPem() != null) {
            return SwarmConnection.tlsPem(host, settings.dockerCaPem(), settings.dockerCertPem(), settings.dockerKeyPem());
        }
        if (settings.dockerCertPath() != null && !settings.dockerCertPath().isBlank()) {
            return SwarmConnection.tls(host, Path.of(settings.dockerCertPath()));
        }
        if (host.startsWith("tcp://") && host.endsWith(":2376")) {
            throw new InvalidInputException("Docker host " + host + " is the TLS port but no client certificates were "
                    + "given; set --docker-cert-path (or DOCKER_CERT_PATH) to a folder with ca.pem, cert.pem and key.pem");
        }
        return SwarmConnection.plain(host);
    }
}
