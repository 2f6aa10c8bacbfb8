package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.ForbiddenClassException;
import com.thoughtworks.xstream.security.NoTypePermission;
import com.thoughtworks.xstream.security.PrimitiveTypePermission;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The build record as Jenkins keeps it in {@code build.xml}. XStream is set up as Jenkins' class filter
 * lets it work for this plugin: only primitives, String, ArrayList (core's whitelisted-classes.txt) and the
 * two classes the plugin lists in META-INF/hudson.remoting.ClassFilter may be read back.
 */
class DeploymentEntryPersistenceTest {
    private static final Instant STARTED = Instant.parse("2025-01-02T03:04:05Z");

    @Test
    void anEntryRoundTripsThroughXStreamUsingOnlyTypesTheClassFilterAccepts() {
        DeploymentEntry entry = DeploymentEntry.ofSync("app#12/1", "sync", "https://git.example/ops.git",
                Results.stagingSync(), "alice", STARTED);

        String xml = jenkinsLike().toXML(entry);
        DeploymentEntry copy = (DeploymentEntry) jenkinsLike().fromXML(xml);

        assertThat(copy.getFormat()).isEqualTo(DeploymentEntry.FORMAT);
        assertThat(copy.getCounts()).isEqualTo("0 created, 2 updated, 1 deleted, 1 unchanged");
        assertThat(copy.getObjects()).extracting(ObjectRow::getId)
                .containsExactly("Deployment/docs-staging/web", "Secret/docs-staging/app", "ConfigMap/docs-staging/old");
        assertThat(copy.getStartedAt()).isEqualTo(STARTED);
        assertThat(copy.getDuration()).hasSeconds(7);
        assertThat(xml).doesNotContain("java.time").doesNotContain("ImmutableCollections").doesNotContain("unchanged</action>");
    }

    @Test
    void theSignerOfTheDeployedCommitIsKeptWithTheBuild() {
        SyncResult signed = Results.stagingSync().withSigner("alice@example.com (ssh SHA256:abc)");
        DeploymentEntry entry = DeploymentEntry.ofSync("app#12/1", "sync", "https://git.example/ops.git", signed,
                "alice", STARTED);

        DeploymentEntry copy = (DeploymentEntry) jenkinsLike().fromXML(jenkinsLike().toXML(entry));

        assertThat(copy.getSigner()).isEqualTo("alice@example.com (ssh SHA256:abc)");
        assertThat(DeploymentEntry.ofSync("app#12/2", "sync", null, Results.stagingSync(), "alice", STARTED).getSigner())
                .as("not verified").isNull();
    }

    @Test
    void aClassTheFilterDoesNotKnowIsRefusedAsJenkinsWould() {
        String xml = new XStream().toXML(new ArrayList<>(List.of(Duration.ofSeconds(1))));

        assertThatThrownBy(() -> jenkinsLike().fromXML(xml)).isInstanceOf(ForbiddenClassException.class);
    }

    @Test
    void theOlderFormWithEveryObjectAndMissingFieldsIsBroughtUpToDate() {
        DeploymentEntry old = (DeploymentEntry) jenkinsLike().fromXML(
                DeploymentEntryPersistenceTest.class.getResource("deployment-entry-format1.xml"));

        assertThat(old.getFormat()).isEqualTo(DeploymentEntry.FORMAT);
        assertThat(old.getObjects()).extracting(ObjectRow::getId).containsExactly("Deployment/docs-staging/web");
        assertThat(old.getObjects().get(0).getMessage()).isEmpty();
        assertThat(old.getWarnings()).isEmpty();
        assertThat(old.getRelease()).containsExactly("medianest/web:1.4.2");
        assertThat(old.getCounts()).isEqualTo("1 created, 0 updated, 0 deleted, 1 unchanged");
        assertThat(old.getActor()).isEqualTo("alice");
        assertThat(old.getSigner()).as("entries from before signatures").isNull();
        assertThat(old.getStartedAt()).isEqualTo(STARTED);
        assertThat(old.getDuration()).hasSeconds(7);
    }

    @Test
    void aLargeSyncKeepsAtMostTheLimitOfChangedObjectsAndCutsLongDiffs() {
        String longDiff = "+".repeat(DeploymentEntry.MAX_DIFF_CHARS + 500);
        List<ObjectResult> objects = new ArrayList<>(IntStream.range(0, DeploymentEntry.MAX_OBJECTS + 50)
                .mapToObj(i -> new ObjectResult("ConfigMap", "big", "cm-" + i, "cm.yaml", "update", "applied", "",
                        "Healthy", longDiff, List.of())).toList());
        objects.add(new ObjectResult("Service", "big", "web", "web.yaml", "unchanged", "unchanged", "", "Healthy", "",
                List.of()));
        SyncResult big = new SyncResult("big", Results.REVISION, "Kubernetes", false, true, "synced", "Healthy", 0,
                DeploymentEntry.MAX_OBJECTS + 50, 0, 1, 0, objects, List.of(), Duration.ofSeconds(3));

        DeploymentEntry entry = DeploymentEntry.ofSync("big#1/1", "sync", "repo", big, "bob", STARTED);

        assertThat(entry.getObjects()).hasSize(DeploymentEntry.MAX_OBJECTS);
        assertThat(entry.getOmittedObjects()).isEqualTo(50);
        assertThat(entry.getObjects().get(0).getDiff()).startsWith("+".repeat(DeploymentEntry.MAX_DIFF_CHARS))
                .endsWith("... (500 more characters not kept with the build)");
        assertThat(entry.getUpdated()).isEqualTo(DeploymentEntry.MAX_OBJECTS + 50);
    }

    /** XStream allowing what Jenkins' ClassFilterImpl plus the plugin's whitelist allow for these records. */
    private static XStream jenkinsLike() {
        XStream xstream = new XStream();
        xstream.addPermission(NoTypePermission.NONE);
        xstream.addPermission(PrimitiveTypePermission.PRIMITIVES);
        xstream.allowTypes(new Class<?>[] {String.class, ArrayList.class, DeploymentEntry.class, ObjectRow.class});
        return xstream;
    }
}
