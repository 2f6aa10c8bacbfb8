package io.jenkins.plugins.gitops.engine.cluster.swarm;

import io.jenkins.plugins.gitops.engine.history.*;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs;
import io.jenkins.plugins.gitops.engine.cluster.swarm.InternalConfigs.Config;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest {@code keep} records of one environment as Swarm configs, one immutable config per
 * record: {@code <stack>_gitops-history-<env>-<record id>}, the record's JSON as data. Swarm has no
 * ConfigMap to rewrite, and a config cannot change; one config per record needs no read-modify-write,
 * so concurrent writers never conflict and nothing is lost. Configs live in the managers' Raft store,
 * so the history survives the loss of any CI server, and {@code docker config ls --filter
 * label=gitops.jenkins.io/internal-kind=history} shows it. Listing is one config list call filtered
 * by labels; record ids sort by start time, so newest first is a sort by id. After an append, records
 * beyond the newest {@code keep} are removed.
 */
public final class SwarmHistoryStore implements HistoryStore {
    public static final String KIND_HISTORY = "history";
    /** Label with the record id, so the newest are found without decoding and a cut name is never parsed. */
    public static final String RECORD_ID = "gitops.jenkins.io/record-id";
    private static final Logger LOG = LoggerFactory.getLogger(SwarmHistoryStore.class);

    private final InternalConfigs configs;
    private final String environment;
    private final int keep;

    public SwarmHistoryStore(InternalConfigs configs, String environment) {
        this(configs, environment, KubernetesHistoryStore.DEFAULT_KEEP);
    }

    public SwarmHistoryStore(InternalConfigs configs, String environment, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        this.configs = configs;
        this.environment = environment;
        this.keep = keep;
    }

    /** The config name of a record: {@code <stack>_gitops-history-<env>-<record id>}, at most 64 characters. */
    public String configName(DeploymentRecord record) {
        return configs.name("gitops-history-" + environment, "-" + record.id());
    }

    @Override
    public void append(DeploymentRecord record) {
        checkEnvironment(record.environment());
        String name = configName(record);
        try {
            Map<String, String> labels = labels();
            labels.put(RECORD_ID, record.id());
            if (configs.createUnlessExists(name, labels, HistoryJson.write(record)).isEmpty()) {
                // ids carry 40 random bits: only a retried append of the same record gets here
                LOG.debug("deployment record {} is already stored as config {}", record.id(), name);
            }
            trim();
        } catch (TargetException e) {
            throw new OperationFailedException("could not record deployment " + record.id() + " as config " + name
                    + " on " + configs.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<DeploymentRecord> list(String env) {
        checkEnvironment(env);
        List<DeploymentRecord> records = new ArrayList<>();
        for (Config c : stored()) {
            try {
                records.add(HistoryJson.read(c.data()));
            } catch (JsonProcessingException e) {
                LOG.warn("config {} on {}: skipping a deployment record that is not valid JSON ({})", c.name(),
                        configs.describe(), e.getOriginalMessage());
            }
        }
        return records;
    }

    /** Removes all but the newest {@code keep}; a concurrent writer removing the same ones is harmless. */
    private void trim() {
        List<Config> all = stored();
        for (Config old : all.subList(Math.min(keep, all.size()), all.size())) {
            if (configs.delete(old.id())) {
                LOG.debug("removed old deployment record {} of {}", old.name(), environment);
            }
        }
    }

    /** This environment's record configs, newest first. */
    private List<Config> stored() {
        List<Config> all;
        try {
            all = new ArrayList<>(configs.list(labels()));
        } catch (TargetException e) {
            throw new OperationFailedException("could not read the deployment history of '" + environment + "' from "
                    + configs.describe() + ": " + e.getMessage(), e);
        }
        all.sort(Comparator.comparing(SwarmHistoryStore::recordId).reversed());
        return all;
    }

    private static String recordId(Config c) {
        String id = c.label(RECORD_ID);
        return id == null ? c.name() : id;
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.ENVIRONMENT, environment);
        labels.put(InternalConfigs.KIND, KIND_HISTORY);
        return labels;
    }

    private void checkEnvironment(String env) {
        if (!environment.equals(env)) {
            throw new IllegalArgumentException("this history store holds environment '" + environment + "', not '" + env + "'");
        }
    }
}
