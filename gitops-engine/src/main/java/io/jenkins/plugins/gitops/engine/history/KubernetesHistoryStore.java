package io.jenkins.plugins.gitops.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest {@code keep} records of one environment in a ConfigMap {@code gitops-history-<env>} of
 * the environment's namespace, as a JSON array (newest first) under {@code records.json}, and compact
 * summaries of older ones under {@code summary.json} ({@link HistorySummary}: about a year, well under the
 * ConfigMap's 1 MiB) for delivery metrics. Kept in
 * the target so that a rollback still finds them after the CI server that deployed is gone.
 *
 * <p>Writes are read-modify-write with optimistic concurrency: the update carries the
 * resourceVersion read, and a 409 (another writer came first) re-reads and retries. The ConfigMap
 * is labelled as managed for the environment and {@link Labels#INTERNAL}, which targets exclude
 * from live listings so drift and prune leave it alone.
 */
public final class KubernetesHistoryStore implements HistoryStore {
    public static final int DEFAULT_KEEP = 10;
    public static final String DATA_KEY = "records.json";
    /** Compact summaries of the records beyond the newest {@code keep}, for delivery metrics ({@link HistorySummary}). */
    public static final String SUMMARY_KEY = "summary.json";
    /** Where unreadable content is moved aside (not deleted) when a new record is written. */
    public static final String CORRUPT_KEY = "records.unreadable.json";
    static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesHistoryStore.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String environment;
    private final int keep;

    public KubernetesHistoryStore(KubernetesClient client, String namespace, String environment) {
        this(client, namespace, environment, DEFAULT_KEEP);
    }

    public KubernetesHistoryStore(KubernetesClient client, String namespace, String environment, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        this.client = client;
        this.namespace = namespace;
        this.environment = environment;
        this.keep = keep;
    }

    /** {@code gitops-history-<env>}, the environment name made a valid object name. */
    public static String configMapName(String environment) {
        String name = "gitops-history-" + environment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return name.length() > 253 ? name.substring(0, 253) : name;
    }

    @Override
    public void append(DeploymentRecord record) {
        checkEnvironment(record.environment());
        String name = configMapName(environment);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                ConfigMap current = client.configMaps().inNamespace(namespace).withName(name).get();
                if (current == null) {
                    client.configMaps().inNamespace(namespace).resource(newConfigMap(name, List.of(record))).create();
                } else {
                    client.configMaps().inNamespace(namespace).resource(withRecord(current, record)).update();
                }
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw failure("could not record deployment " + record.id() + " in", e);
                }
                LOG.debug("ConfigMap {}/{} changed while recording {} (attempt {}); re-reading", namespace, name,
                        record.id(), attempt);
                pause(attempt);
            }
        }
        throw new OperationFailedException("could not record deployment " + record.id() + " in ConfigMap " + namespace
                + "/" + name + ": it was changed by another writer " + MAX_ATTEMPTS + " times in a row; try again");
    }

    @Override
    public List<DeploymentRecord> list(String env) {
        checkEnvironment(env);
        ConfigMap current;
        try {
            current = client.configMaps().inNamespace(namespace).withName(configMapName(environment)).get();
        } catch (KubernetesClientException e) {
            throw failure("could not read deployment history from", e);
        }
        if (current == null || current.getData() == null || current.getData().get(DATA_KEY) == null) {
            return List.of();
        }
        try {
            return HistoryJson.readList(current.getData().get(DATA_KEY));
        } catch (JsonProcessingException e) {
            throw new OperationFailedException("ConfigMap " + namespace + "/" + configMapName(environment) + " key "
                    + DATA_KEY + " is not a list of deployment records (" + e.getOriginalMessage() + "); the next "
                    + "deployment moves it aside to " + CORRUPT_KEY);
        }
    }

    /** The full records, then the compact summaries of older ones (newest first). */
    @Override
    public List<DeploymentRecord> deployments(String env) {
        List<DeploymentRecord> out = new ArrayList<>(list(env));
        ConfigMap current;
        try {
            current = client.configMaps().inNamespace(namespace).withName(configMapName(environment)).get();
        } catch (KubernetesClientException e) {
            throw failure("could not read deployment history from", e);
        }
        if (current != null && current.getData() != null) {
            out.addAll(summaries(current.getData()));
        }
        return out;
    }

    private List<DeploymentRecord> summaries(Map<String, String> data) {
        String json = data.get(SUMMARY_KEY);
        if (json == null) {
            return List.of();
        }
        try {
            return HistoryJson.readList(json);
        } catch (JsonProcessingException e) {
            LOG.warn("ConfigMap {}/{}: {} is unreadable ({}); older deployments are left out of delivery metrics",
                    namespace, configMapName(environment), SUMMARY_KEY, e.getOriginalMessage());
            return List.of();
        }
    }

    private ConfigMap withRecord(ConfigMap current, DeploymentRecord record) {
        Map<String, String> data = current.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current.getData());
        List<DeploymentRecord> records = new ArrayList<>();
        records.add(record);
        String existing = data.get(DATA_KEY);
        if (existing != null) {
            try {
                records.addAll(HistoryJson.readList(existing));
            } catch (JsonProcessingException e) {
                LOG.warn("ConfigMap {}/{}: {} is unreadable ({}); moving it to {}", namespace, current.getMetadata().getName(),
                        DATA_KEY, e.getOriginalMessage(), CORRUPT_KEY);
                data.put(CORRUPT_KEY, existing);
            }
        }
        data.put(DATA_KEY, HistoryJson.writeList(records.subList(0, Math.min(keep, records.size()))));
        if (records.size() > keep || data.containsKey(SUMMARY_KEY)) {
            List<DeploymentRecord> dropped = records.subList(Math.min(keep, records.size()), records.size());
            data.put(SUMMARY_KEY, HistoryJson.writeList(HistorySummary.merge(dropped, summaries(data), record.startedAt())));
        }
        Map<String, String> labels = current.getMetadata().getLabels() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(current.getMetadata().getLabels());
        labels.putAll(labels());
        // the resourceVersion read stays in the object: the API server refuses the update (409) if it changed
        return new ConfigMapBuilder(current).editMetadata().withLabels(labels).endMetadata().withData(data).build();
    }

    private ConfigMap newConfigMap(String name, List<DeploymentRecord> records) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels())
                .endMetadata().withData(Map.of(DATA_KEY, HistoryJson.writeList(records))).build();
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(Labels.ENVIRONMENT, environment);
        labels.put(Labels.INTERNAL, "true");
        return labels;
    }

    private void checkEnvironment(String env) {
        if (!environment.equals(env)) {
            throw new IllegalArgumentException("this history store holds environment '" + environment + "', not '" + env + "'");
        }
    }

    private OperationFailedException failure(String what, KubernetesClientException e) {
        String status = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        return new OperationFailedException(what + " ConfigMap " + namespace + "/" + configMapName(environment) + " (HTTP "
                + e.getCode() + "): " + status, e);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while recording deployment history", e);
        }
    }
}
