package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.NotificationRules;
import io.jenkins.plugins.gitops.engine.model.NotificationTrigger;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code notifications:} of an environment or of {@code defaults:} (docs/notifications.md): a mapping of trigger
 * names ({@code on-sync-failed}, ...; {@link NotificationTrigger}) to lists of receiver names. Receivers are only
 * named: a URL or token here is refused, since gitops.yaml is stored in Git in clear text.
 */
final class NotificationsParser {
    /** What a receiver name may be: it becomes part of {@code GITOPS_RECEIVER_<NAME>_URL}. */
    private static final Pattern RECEIVER = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private NotificationsParser() {
    }

    /** The rules, or null after reporting their problems. */
    static NotificationRules parse(YamlMap.Entry entry, Problems problems) {
        YamlMap map = Values.map(entry.value(), entry.path(), entry.line(), problems);
        if (map == null) {
            return null;
        }
        map.rejectUnknown(NotificationTrigger.ids(), problems);
        int before = problems.errorCount();
        Map<NotificationTrigger, List<String>> subscriptions = new EnumMap<>(NotificationTrigger.class);
        for (YamlMap.Entry e : map.entries()) {
            NotificationTrigger trigger = NotificationTrigger.byId(e.key()).orElse(null);
            List<String> receivers = Values.stringList(e.value(), e.path(), problems, "[ops-slack, audit]");
            if (trigger == null || receivers == null) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String receiver : receivers) {
                if (receiver.contains("://") || receiver.contains("/")) {
                    problems.error(e.line(), e.path(), "a receiver is named here, not addressed (gitops.yaml is stored in"
                            + " Git in clear text): write a name such as ops-slack and give its URL to the command"
                            + " (--receiver ops-slack=URL or GITOPS_RECEIVER_OPS_SLACK_URL) or in Jenkins' GitOps"
                            + " configuration");
                } else if (!RECEIVER.matcher(receiver).matches()) {
                    problems.error(e.line(), e.path(), "'" + Values.clip(receiver) + "' is not a receiver name: use"
                            + " lower-case letters, digits and '-' (e.g. ops-slack)");
                } else if (!seen.add(receiver)) {
                    problems.warn(e.line(), e.path(), "receiver '" + receiver + "' is listed twice; it gets one message");
                }
            }
            subscriptions.put(trigger, List.copyOf(seen));
        }
        return problems.errorCount() > before ? null : new NotificationRules(subscriptions);
    }
}
