package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.io.File;

/** fabric8 clients as the engine configures them: from a kubeconfig (or auto-configuration), with few retries. */
public final class KubernetesClients {
    private KubernetesClients() {
    }

    /**
     * A client for a kubeconfig file, or fabric8's auto-configuration (KUBECONFIG, ~/.kube/config,
     * in-cluster service account) when the path is null, and a context (null: the kubeconfig's current one).
     *
     * @throws InvalidInputException when the file does not exist or has no such context (first line of
     *     fabric8's message only: it never quotes credentials, but stays short)
     */
    public static KubernetesClient client(String kubeconfigPathOrNull, String context) {
        Config config;
        if (kubeconfigPathOrNull != null) {
            File file = new File(kubeconfigPathOrNull);
            if (!file.isFile()) {
                throw new InvalidInputException("kubeconfig " + kubeconfigPathOrNull
                        + " does not exist or is not a file; pass the path of a readable kubeconfig");
            }
            try {
                config = Config.fromKubeconfig(context, file);
            } catch (KubernetesClientException | IllegalArgumentException e) {
                throw new InvalidInputException("kubeconfig " + kubeconfigPathOrNull + ": cannot use context "
                        + (context == null ? "(current)" : context) + ": " + firstLine(e.getMessage()));
            }
        } else {
            config = Config.autoConfigure(context);
        }
        return new KubernetesClientBuilder().withConfig(withEngineRetries(config)).build();
    }

    /**
     * fabric8 retries every failed request up to 10 times with backoff on its own, so an unreachable
     * API server took ~40 s to report. The sync executor already retries writes with the
     * environment's retry policy; the client only smooths over a blip (2 retries, 200 ms apart).
     */
    public static Config withEngineRetries(Config config) {
        config.setRequestRetryBackoffLimit(2);
        config.setRequestRetryBackoffInterval(200);
        return config;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable kubeconfig";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
