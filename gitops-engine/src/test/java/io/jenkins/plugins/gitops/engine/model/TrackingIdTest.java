package io.jenkins.plugins.gitops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingIdTest {
    @TempDir
    Path temp;

    @Test
    void everyUrlFormOfARepositoryHasOneId() {
        for (String url : new String[] {"https://github.com/team-a/deploy.git", "https://alice:t0ken@GitHub.com/Team-A/deploy",
                "git@github.com:team-a/deploy.git", "ssh://git@github.com:22/team-a/deploy/", "git://github.com/team-a/deploy",
                "http://github.com:80/team-a/deploy.git/"}) {
            assertThat(TrackingId.repositoryId(url)).as(url).isEqualTo("github.com/team-a/deploy");
        }
        assertThat(TrackingId.repositoryId("https://git.example:8443/ops/deploy.git")).isEqualTo("git.example:8443/ops/deploy");
        assertThat(TrackingId.repositoryId("https://github.com/team-b/deploy")).isNotEqualTo(
                TrackingId.repositoryId("https://github.com/team-a/deploy"));
    }

    @Test
    void aLocalRepositoryIsItsRealAbsolutePath() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("deploy.git"));
        String expected = repo.toRealPath().toString().replaceAll("\\.git$", "");
        assertThat(TrackingId.repositoryId(repo.toString())).isEqualTo(expected);
        assertThat(TrackingId.repositoryId("file://" + repo)).isEqualTo(expected);
        assertThat(TrackingId.repositoryId(repo + "/")).isEqualTo(expected);
    }

    @Test
    void labelIsAShortStableHashOfRepositoryAndEnvironment() {
        TrackingId a = new TrackingId("github.com/team-a/deploy", "production");
        assertThat(a.value()).isEqualTo("github.com/team-a/deploy#production");
        assertThat(a.label()).matches("[0-9a-f]{24}").isEqualTo(new TrackingId("github.com/team-a/deploy", "production").label());
        assertThat(a.label()).isNotEqualTo(new TrackingId("github.com/team-b/deploy", "production").label())
                .isNotEqualTo(new TrackingId("github.com/team-a/deploy", "staging").label());
        assertThat(a.describe()).isEqualTo("environment 'production' of repository github.com/team-a/deploy");
    }
}
