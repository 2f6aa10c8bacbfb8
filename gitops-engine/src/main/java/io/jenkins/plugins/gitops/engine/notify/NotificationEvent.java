package io.jenkins.plugins.gitops.engine.notify;

import io.jenkins.plugins.gitops.engine.model.NotificationTrigger;
import java.time.Instant;
import java.util.List;

/**
 * One thing that happened to an environment, as it is sent (docs/notifications.md, "Payload"). Built by the
 * engine from its results and masked with the facade's secret values before it reaches a {@link Notifier}.
 *
 * @param trigger     what happened
 * @param environment the environment's name
 * @param revision    the commit concerned (deployed, drifted from, promoted); null when unknown
 * @param recordId    the deployment record written, null when none was (a refused or never-started operation)
 * @param result      one word: {@code failed}, {@code error}, {@code degraded}, {@code drifted}, {@code healed},
 *                    {@code succeeded}, {@code waiting}, {@code refused}, {@code warned}, {@code overridden}
 * @param message     what a person should read: the reason, the objects, the fix
 * @param operation   {@code sync}, {@code promote}, {@code rollback}, {@code self-heal}, {@code drift} ...
 * @param actor       who or what started it (user, {@code agent}, {@code auto-rollback}); null when unknown
 * @param link        where to look: the Jenkins build, the agent's address; null when not configured
 * @param receivers   the receiver names it goes to, from the environment's {@code notifications:}
 * @param time        when it happened
 */
public record NotificationEvent(NotificationTrigger trigger, String environment, String revision, String recordId,
        String result, String message, String operation, String actor, String link, List<String> receivers,
        Instant time) {
    public NotificationEvent {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }

    /** The revision as people read it: 12 characters of a commit id. */
    public String shortRevision() {
        return revision != null && revision.matches("[0-9a-f]{40}") ? revision.substring(0, 12) : revision;
    }

    /** One line: {@code on-sync-failed production @ 0123456789ab: failed}. */
    public String headline() {
        return trigger.id() + " " + environment + (revision == null ? "" : " @ " + shortRevision()) + ": " + result;
    }
}
