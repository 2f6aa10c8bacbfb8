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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * beyond the newest {@code keep} are summarised ({@link SwarmHistorySummaries}, for delivery metrics over a
 * quarter, as the Kubernetes store's {@code summary.json}) and then removed.
 */
public final class SwarmHistoryStore implements HistoryStore {
    public static final String KIND_HISTORY = "history";
    /** Label with the record id, so the newest are found without decoding and a cut name is never parsed. */
    public static final String RECORD_ID = "gitops.jenkins.io/record-id";
    private static final Logger LOG = LoggerFactory.getLogger(SwarmHistoryStore.class);

    private final InternalConfigs configs;
    private final String environment;
    private final int keep;
    private final SwarmHistorySummaries summaries;

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
        this.summaries = new SwarmHistorySummaries(configs, environment);
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
            trim(record);
        } catch (TargetException e) {
            throw new OperationFailedException("could not record deployment " + record.id() + " as config " + name
                    + " on " + configs.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<DeploymentRecord> list(String env) {
        checkEnvironment(env);
        return decode(stored());
    }

    /** The full records, then the compact summaries of older ones not among them (newest first). */
    @Override
    public List<DeploymentRecord> deployments(String env) {
        List<DeploymentRecord> out = new ArrayList<>(list(env));
        Set<String> full = new HashSet<>();
        out.forEach(r -> full.add(r.id()));
        try {
            summaries.read().stream().filter(r -> !full.contains(r.id())).forEach(out::add);
        } catch (TargetException e) {
            throw new OperationFailedException("could not read the deployment summaries of '" + environment + "' from "
                    + configs.describe() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private List<DeploymentRecord> decode(List<Config> stored) {
        List<DeploymentRecord> records = new ArrayList<>();
        for (Config c : stored) {
            try {
                records.add(HistoryJson.read(c.data()));
            } catch (JsonProcessingException e) {
                LOG.warn("config {} on {}: skipping a deployment record that is not valid JSON ({})", c.name(),
                        configs.describe(), e.getOriginalMessage());
            }
        }
        return records;
    }

    /**
     * Summarises, then removes, all but the newest {@code keep}; a concurrent writer removing the same ones is
     * harmless (summaries are merged by record id).
     */
    private void trim(DeploymentRecord appended) {
        List<Config> all = stored();
        List<Config> old = all.subList(Math.min(keep, all.size()), all.size());
        if (old.isEmpty()) {
            return;
        }
        summaries.add(decode(old), appended.startedAt());
        for (Config c : old) {
            if (configs.delete(c.id())) {
                LOG.debug("removed old deployment record {} of {}", c.name(), environment);
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
