package io.jenkins.plugins.gitops.engine;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/** A planted defect: the in-process API in the engine's main sources. */
public final class InProcessApi {
    private KubernetesMockServer server;
}
