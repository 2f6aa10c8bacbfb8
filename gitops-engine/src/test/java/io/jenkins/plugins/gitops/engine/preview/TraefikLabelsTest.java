package io.jenkins.plugins.gitops.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class TraefikLabelsTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> fixture() {
        try (InputStream in = TraefikLabelsTest.class.getResourceAsStream("/preview/traefik-labels.yaml")) {
            return (Map<String, Map<String, Object>>) new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void namesDefinedAnywhereInTheStackAreRenamedAndReferencesFollowOthersStay() {
        Map<String, Map<String, Object>> services = fixture();
        TraefikLabels traefik = new TraefikLabels("shop-pr-7", "pr-7.example.com", "shop");
        services.values().forEach(traefik::collect);
        Map<String, Object> api = traefik.rewrite(services.get("api"));
        Map<String, Object> edge = traefik.rewrite(services.get("edge"));

        assertThat(api).containsEntry("traefik.http.routers.shop-pr-7-api.rule",
                "Host(`pr-7.example.com`) || PathPrefix(`/api`)")
                .containsEntry("traefik.http.routers.shop-pr-7-api.service", "shop-pr-7-shared")
                .containsEntry("traefik.http.routers.shop-pr-7-api.middlewares", "shop-pr-7-chain@swarm,strip@file")
                .containsEntry("traefik.http.middlewares.shop-pr-7-chain.chain.middlewares", "strip,shop-pr-7-retry")
                .containsEntry("traefik.tcp.routers.shop-pr-7-db.rule", "HostSNI(`*`)")
                .containsEntry("traefik.frontend.rule", "Host:legacy.example.com")
                .containsEntry("traefik.docker.network", "proxy")
                .doesNotContainKey("traefik.http.routers.api.rule");
        assertThat(edge).containsOnlyKeys("traefik.http.services.shop-pr-7-shared.loadbalancer.server.port",
                "traefik.http.middlewares.shop-pr-7-retry.retry.attempts");
        assertThat(traefik.url()).as("no tls on the router").isEqualTo("http://pr-7.example.com/");
    }

    @Test
    void withoutAPreviewHostRulesAreKeptButRoutersStillGetTheirOwnNames() {
        Map<String, Map<String, Object>> services = fixture();
        TraefikLabels traefik = new TraefikLabels("shop-pr-7", null, "shop");
        services.values().forEach(traefik::collect);
        assertThat(traefik.rewrite(services.get("api"))).containsEntry("traefik.http.routers.shop-pr-7-api.rule",
                "Host(`api.example.com`, `api2.example.com`) || PathPrefix(`/api`)");
        assertThat(traefik.url()).isNull();
    }
}
