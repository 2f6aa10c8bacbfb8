package io.jenkins.plugins.gitops.engine.cluster.swarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs.Config;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.history.HistoryJson;
import io.jenkins.plugins.gitops.engine.history.HistorySummary;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compact summaries ({@link HistorySummary}) of an environment's records beyond the newest ones kept in
 * full, as Swarm configs: {@code <stack>_gitops-summary-<env>-<digest>}, labelled
 * {@code gitops.jenkins.io/internal-kind=history-summary}, data a JSON list of summaries. A config cannot
 * change, so each trim writes a new config holding the summaries read so far plus the records it drops, then
 * removes the summary configs it read, and only then the dropped records: a failure leaves a record in full
 * or summarised twice, never lost. Readers take the union of all summary configs (by record id), so two
 * writers trimming at once lose nothing either. The JSON is kept under {@link #MAX_BYTES}, below swarmkit's
 * limit on a config's data ({@code MaxConfigSize = 500 * 1024}, manager/controlapi/config.go).
 */
final class SwarmHistorySummaries {
    static final String KIND_SUMMARY = "history-summary";
    /** Summary JSON per config at most: under swarmkit's 500 KiB config limit, with room for the request. */
    static final int MAX_BYTES = 448 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SwarmHistorySummaries.class);
    private static final Comparator<DeploymentRecord> NEWEST_FIRST = Comparator
            .comparing(DeploymentRecord::startedAt).thenComparing(DeploymentRecord::id).reversed();

    private final InternalConfigs configs;
    private final String environment;

    SwarmHistorySummaries(InternalConfigs configs, String environment) {
        this.configs = configs;
        this.environment = environment;
    }

    /** Every summary of the environment, newest first, each record once. */
    List<DeploymentRecord> read() {
        return union(stored());
    }

    /**
     * Writes the summaries with {@code dropped} (records leaving the full history, any order) added, then
     * removes the summary configs this replaced. {@code now} dates the {@link HistorySummary#MAX_AGE} cut.
     */
    void add(List<DeploymentRecord> dropped, Instant now) {
        List<Config> previous = stored();
        List<DeploymentRecord> newestFirst = new ArrayList<>(dropped);
        newestFirst.sort(NEWEST_FIRST);
        List<DeploymentRecord> merged = HistorySummary.merge(newestFirst, union(previous), now, MAX_BYTES);
        String keptName = null;
        if (!merged.isEmpty()) {
            String json = HistoryJson.writeList(merged);
            keptName = configs.name("gitops-summary-" + environment, "-" + digest(json));
            configs.createUnlessExists(keptName, labels(), json);
        }
        for (Config old : previous) {
            if (!old.name().equals(keptName)) {
                configs.delete(old.id());
            }
        }
    }

    private List<DeploymentRecord> union(List<Config> stored) {
        List<DeploymentRecord> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Config c : stored) {
            try {
                HistoryJson.readList(c.data()).stream().filter(r -> ids.add(r.id())).forEach(out::add);
            } catch (JsonProcessingException e) {
                LOG.warn("config {} on {}: summaries are not valid JSON ({}); older deployments are left out of"
                        + " delivery metrics", c.name(), configs.describe(), e.getOriginalMessage());
            }
        }
        out.sort(NEWEST_FIRST);
        return out;
    }

    private List<Config> stored() {
        return configs.list(labels());
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.ENVIRONMENT, environment);
        labels.put(InternalConfigs.KIND, KIND_SUMMARY);
        return labels;
    }

    private static String digest(String json) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
