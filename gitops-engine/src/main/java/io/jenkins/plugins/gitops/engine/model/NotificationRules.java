package io.jenkins.plugins.gitops.engine.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code notifications:} of one environment, resolved with {@code defaults:}: for each trigger, the
 * names of the receivers it goes to. An environment's entry for a trigger replaces the default's for that
 * trigger (an empty list turns it off); triggers it does not name keep the default's. Receivers are only
 * named here: their addresses and tokens come from the operator (docs/notifications.md).
 */
public record NotificationRules(Map<NotificationTrigger, List<String>> subscriptions) {
    public static final NotificationRules NONE = new NotificationRules(Map.of());

    public NotificationRules {
        EnumMap<NotificationTrigger, List<String>> copy = new EnumMap<>(NotificationTrigger.class);
        subscriptions.forEach((trigger, receivers) -> copy.put(trigger, List.copyOf(receivers)));
        subscriptions = Collections.unmodifiableMap(copy);
    }

    /** The receivers of a trigger, in the order written; empty when nobody subscribed. */
    public List<String> receivers(NotificationTrigger trigger) {
        return subscriptions.getOrDefault(trigger, List.of());
    }

    public boolean isEmpty() {
        return subscriptions.values().stream().allMatch(List::isEmpty);
    }

    /** These rules over {@code defaults}, trigger by trigger. */
    public NotificationRules over(NotificationRules defaults) {
        if (defaults == null || defaults.subscriptions.isEmpty()) {
            return this;
        }
        EnumMap<NotificationTrigger, List<String>> merged = new EnumMap<>(NotificationTrigger.class);
        merged.putAll(defaults.subscriptions);
        merged.putAll(subscriptions);
        return new NotificationRules(merged);
    }
}
