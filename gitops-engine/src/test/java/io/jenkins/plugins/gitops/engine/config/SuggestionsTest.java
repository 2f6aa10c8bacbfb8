package io.jenkins.plugins.gitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SuggestionsTest {
    private static final List<String> KEYS = SettingsParser.ENVIRONMENT_KEYS;

    @Test
    void suggestsCloseKeys() {
        assertThat(Suggestions.closest("promoteFrom", KEYS)).contains("promotesFrom");
        assertThat(Suggestions.closest("self_heal", KEYS)).contains("selfHeal");
        assertThat(Suggestions.closest("drift-interval", KEYS)).contains("driftInterval");
        assertThat(Suggestions.closest("Prune", KEYS)).contains("prune");
        assertThat(Suggestions.closest("ignoreDifference", KEYS)).contains("ignoreDifferences");
        assertThat(Suggestions.closest("aprovers", KEYS)).contains("approvers");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(Suggestions.closest("replicas", KEYS)).isEmpty();
        assertThat(Suggestions.closest("x", KEYS)).isEmpty();
        assertThat(Suggestions.didYouMean("namespace", KEYS)).isEmpty();
    }

    @Test
    void editDistance() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
