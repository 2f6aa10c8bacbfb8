package io.jenkins.plugins.gitops.engine.api;

import java.time.Duration;
import java.time.Instant;

/**
 * One preview found in a target, for {@code gitops preview list} and the expiry of idle previews.
 *
 * @param environment     the template environment
 * @param id              the change-request id
 * @param name            the preview's environment name, namespace or stack
 * @param url             its URL, null when it has none
 * @param firstDeployedAt start of the oldest deployment its history still holds; null if none recorded
 * @param lastDeployedAt  end of its newest deployment: the preview is idle since then; null if none recorded
 * @param revision        the Git commit of its newest successful deployment
 * @param health          health after its newest deployment (HealthStatus display name)
 * @param lastResult      result of its newest deployment ({@code succeeded}, {@code failed}, ...)
 */
public record PreviewInfo(String environment, String id, String name, String url, Instant firstDeployedAt,
        Instant lastDeployedAt, String revision, String health, String lastResult) {

    /** Time since the newest deployment (zero when none is recorded: a preview being created is not idle). */
    public Duration idle(Instant now) {
        return lastDeployedAt == null ? Duration.ZERO : Duration.between(lastDeployedAt, now);
    }

    /** Time since the oldest recorded deployment. */
    public Duration age(Instant now) {
        return firstDeployedAt == null ? Duration.ZERO : Duration.between(firstDeployedAt, now);
    }
}
