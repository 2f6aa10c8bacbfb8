package io.jenkins.plugins.gitops.engine.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesClients;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmTarget;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opens the right target for an environment from connection settings (command options or Jenkins credentials). */
public final class Targets {
    private Targets() {
    }

    /** Every target opened gets its own client, closed with the target (for one-off use). */
    public static TargetFactory factory(TargetSettings settings) {
        return environment -> open(environment, settings);
    }

    /**
     * Targets that share one Kubernetes client (and its API discovery answers) per context for as
     * long as the factory lives: for the agent and other long-lived callers. Closing the factory
     * (the facade does on close) closes the clients.
     */
    public static TargetFactory shared(TargetSettings settings) {
        return new SharedClients(settings);
    }

    private static final class SharedClients implements TargetFactory {
        private final TargetSettings settings;
        private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

        SharedClients(TargetSettings settings) {
            this.settings = settings;
        }

        @Override
        public Target open(Environment environment) {
            if (environment.target().type() == TargetSpec.Type.SWARM) {
                return Targets.open(environment, settings);
            }
            String context = settings.context() != null ? settings.context() : environment.target().context();
            KubernetesClient client = clients.computeIfAbsent(String.valueOf(context), c -> client(settings, context));
            return new KubernetesTarget(client, environment, false);
        }

        @Override
        public void close() {
            clients.values().forEach(KubernetesClient::close);
            clients.clear();
        }
    }

    private static KubernetesClient client(TargetSettings settings, String context) {
        if (settings.kubeconfig() != null) {
            Config config = Config.fromKubeconfig(context, settings.kubeconfig(), null);
            return new KubernetesClientBuilder().withConfig(KubernetesClients.withEngineRetries(config)).build();
        }
        return KubernetesClients.client(settings.kubeconfigFile(), context);
    }

    static Target open(Environment environment, TargetSettings settings) {
        if (environment.target().type() == TargetSpec.Type.SWARM) {
            return SwarmTarget.connect(environment, swarm(settings));
        }
        String context = settings.context() != null ? settings.context() : environment.target().context();
        return new KubernetesTarget(client(settings, context), environment);
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
