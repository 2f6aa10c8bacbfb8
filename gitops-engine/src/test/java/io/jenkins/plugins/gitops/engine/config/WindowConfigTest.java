package io.jenkins.plugins.gitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.SyncWindow;
import io.jenkins.plugins.gitops.engine.model.SyncWindow.Applies;
import io.jenkins.plugins.gitops.engine.model.SyncWindow.Kind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code windows:} in gitops.yaml: parsed values, the defaults rule, and the overlap explanations. */
class WindowConfigTest {

    @Test
    void environmentsWithoutWindowsTakeThoseOfDefaultsAndAnOwnListReplacesThem() {
        ProjectConfig config = ProjectConfigLoader.load(Fixtures.read("windows/defaults-merge.yaml"), "gitops.yaml");

        assertThat(config.windows("development")).isEmpty(); // windows: [] opts out of the defaults
        assertThat(config.windows("staging")).containsExactly(new SyncWindow("defaults.windows[0]", Kind.DENY,
                "0 22 * * *", Duration.ofHours(8), ZoneId.of("Europe/Berlin"), Applies.ALL));
        List<SyncWindow> production = config.windows("production");
        assertThat(production).containsExactly(
                new SyncWindow("environments.production.windows[0]", Kind.ALLOW, "0 8 * * 1-5", Duration.ofHours(10),
                        ZoneId.of("America/New_York"), Applies.ALL),
                new SyncWindow("environments.production.windows[1]", Kind.DENY, "0 0 24 12 *", Duration.ofHours(48),
                        ZoneId.of("UTC"), Applies.AUTOMATIC));
        assertThat(config.withRepository("repo-1").windows("production")).isEqualTo(production);
    }

    @Test
    void overlappingAllowAndDenyWindowsLoadWithWarningsThatExplainThem() {
        LoadedConfig loaded = ProjectConfigLoader.loadWithWarnings(Fixtures.read("windows/overlaps.yaml"), "gitops.yaml");

        assertThat(loaded.config().windows("production")).hasSize(4);
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w).startsWith("gitops.yaml:5: environments.production"
                + ".windows: environments.production.windows[0] (allow) and environments.production.windows[1] (deny)"
                + " overlap, first at ").endsWith(": deny wins there, so syncs are not allowed while both are open"
                + " (Argo CD's rule)"));
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w).contains("environments.production.windows[2]"
                + " (allow) and environments.production.windows[3] (deny) overlap"));
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w).isEqualTo("gitops.yaml:5: environments.production"
                + ".windows: environments.production.windows[2] (allow) never opens: deny windows cover every opening"
                + " of it in the next 62 days; shorten or move the deny windows, or remove this allow window"));
        assertThat(loaded.warnings()).noneSatisfy(w -> assertThat(w).contains("windows[0] (allow) never opens"));
        // the weekday window overlaps the UTC lunch-time deny window too; only its Friday afternoons are not
        assertThat(loaded.warnings()).hasSize(4);
    }
}
