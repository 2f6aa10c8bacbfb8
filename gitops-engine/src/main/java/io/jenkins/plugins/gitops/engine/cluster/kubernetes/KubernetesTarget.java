package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.history.HistoryStore;
import io.jenkins.plugins.gitops.engine.history.KubernetesHistoryStore;
import io.jenkins.plugins.gitops.engine.lease.KubernetesLease;
import io.jenkins.plugins.gitops.engine.lease.Lease;
import io.jenkins.plugins.gitops.engine.health.HealthChecks;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An environment in a Kubernetes cluster (or the in-process API), through fabric8. Every kind is
 * handled as a generic resource located by API discovery, so custom resources need no code.
 * <p>
 * Writes: absent objects are created; existing ones get a JSON patch computed by a three-way merge
 * against the fields last applied ({@link ManagedFields}: field names in an annotation, no copy of the
 * object), never a blind replace and never server-side apply (the in-process API cannot verify it). The environment's namespace is created first when {@code createNamespace} is on, and a
 * namespace created that way is never deleted by this target.
 * <p>
 * <b>Ownership:</b> the target owns the client it is given: {@link #close()} closes it.
 */
public final class KubernetesTarget implements Target {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesTarget.class);
    /** Marks a Namespace this target added because the environment needs it, not because Git has it. */
    static final String IMPLICIT_NAMESPACE = "gitops.jenkins.io/implicit-namespace";

    private final KubernetesClient client;
    private final Environment environment;
    private final String namespace;
    private final Kinds kinds;
    private final boolean ownsClient;
    /** Discovery answers of shared clients, kept as long as the client is. */
    private static final Map<KubernetesClient, Discovery> SHARED_DISCOVERY =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private final Inventory inventory;
    private final GenericApi api;
    private volatile Map<ResourceKey, Resource> lastLive = Map.of();
    /** Namespaces the desired state of the current sync defines (as Namespace objects). */
    private volatile Set<String> desiredNamespaces = Set.of();
    private volatile Inventory.Entries lastInventory;
    private final Set<ResourceKey> deleted = ConcurrentHashMap.newKeySet();

    /** A target on a client the target then owns (closed by {@link #close()}). */
    public KubernetesTarget(KubernetesClient client, Environment environment) {
        this(client, environment, true);
    }

    /**
     * A target on a client; with {@code ownsClient} false the client is shared (one per cluster, kept
     * by the caller across operations) and so is its API discovery cache.
     */
    public KubernetesTarget(KubernetesClient client, Environment environment, boolean ownsClient) {
        this.client = java.util.Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.environment = java.util.Objects.requireNonNull(environment, "environment");
        if (environment.target() == null || environment.target().type() != TargetSpec.Type.KUBERNETES) {
            throw new IllegalArgumentException("environment " + environment.name() + " has no Kubernetes target");
        }
        String ns = environment.target().namespace();
        this.namespace = ns != null && !ns.isBlank() ? ns
                : client.getNamespace() != null ? client.getNamespace() : "default";
        this.kinds = new Kinds(ownsClient ? new Discovery(client, Clock.systemUTC())
                : SHARED_DISCOVERY.computeIfAbsent(client, c -> new Discovery(c, Clock.systemUTC())));
        this.inventory = new Inventory(client, environment.name(), namespace);
        this.api = new GenericApi(client, kinds, namespace);
    }

    /**
     * Connects with a kubeconfig file, or with fabric8's usual auto-configuration (KUBECONFIG,
     * ~/.kube/config, in-cluster service account) when the path is null. The context is the argument,
     * else the environment's {@code target.kubernetes.context}, else the kubeconfig's current one.
     */
    public static KubernetesTarget connect(Environment env, String kubeconfigPathOrNull, String contextOrNull) {
        String context = contextOrNull != null ? contextOrNull : env.target() == null ? null : env.target().context();
        return new KubernetesTarget(KubernetesClients.client(kubeconfigPathOrNull, context), env);
    }

    @Override
    public String describe() {
        return "Kubernetes " + client.getMasterUrl() + " namespace " + namespace;
    }

    String namespace() {
        return namespace;
    }

    /**
     * Adds labels, the environment namespace to namespaced objects without one and, with
     * createNamespace, the namespace itself. Scope comes from discovery (read-only, cached per target;
     * the only API use here), from CRDs in the same state, and from a built-in table only when discovery
     * cannot be reached.
     */
    @Override
    public DesiredState prepare(DesiredState rendered) {
        kinds.learn(DesiredKinds.of(rendered.resources()));
        List<Resource> out = new ArrayList<>();
        boolean hasNamespace = false;
        for (Resource r : rendered.resources()) {
            Map<String, Object> manifest = r.mutableManifest();
            label(manifest);
            SecretData.foldStringData(r.key(), manifest);
            if (r.namespace().isEmpty() && kinds.namespaced(r.apiVersion(), r.kind())) {
                Manifests.ensureMap(manifest, "metadata").put("namespace", namespace);
            }
            hasNamespace |= isNamespace(r.key()) && r.name().equals(namespace);
            out.add(Resource.ofManifest(manifest, r.source()));
        }
        if (environment.target().createNamespace() && !hasNamespace) {
            out.add(0, implicitNamespace());
        }
        return rendered.withResources(out);
    }

    @Override
    public List<String> previews(String template) {
        return client.namespaces().withLabelSelector(Labels.MANAGED_BY + "=" + Labels.MANAGED_BY_VALUE + ","
                + Labels.PREVIEW_OF + "=" + template).list().getItems().stream()
                .map(ns -> ns.getMetadata().getLabels().get(Labels.ENVIRONMENT))
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    @Override
    public HistoryStore historyStore() {
        return new KubernetesHistoryStore(client, namespace, environment.name());
    }

    @Override
    public Lease lease() {
        return new KubernetesLease(client, namespace);
    }

    /**
     * The fields Git set at the last apply ({@link ManagedFields}: names only, no values), so the diff sees
     * fields removed from Git; for objects still carrying the legacy full copy, that copy's fields plus
     * the legacy annotation itself, so the next sync removes it.
     */
    @Override
    public Map<String, Object> lastApplied(Resource live) {
        return ManagedFields.read(live);
    }

    /** Managed-by, environment and owner labels, and the readable owner as the tracking-id annotation. */
    private void label(Map<String, Object> manifest) {
        Map<String, Object> labels = Manifests.ensureMap(manifest, "metadata", "labels");
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(Labels.ENVIRONMENT, environment.name());
        labels.put(Labels.OWNER, environment.tracking().label());
        Manifests.ensureMap(manifest, "metadata", "annotations").put(Labels.TRACKING_ID, environment.tracking().value());
    }

    private Resource implicitNamespace() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", "Namespace");
        manifest.put("metadata", new LinkedHashMap<>(Map.of("name", namespace)));
        label(manifest);
        Manifests.ensureMap(manifest, "metadata", "annotations").put(IMPLICIT_NAMESPACE, "true");
        return Resource.ofManifest(manifest, "");
    }

    private static boolean isNamespace(ResourceKey key) {
        return key.group().isEmpty() && "Namespace".equals(key.kind());
    }

    /**
     * Read-only checks of every object before any write: the kind is served (or defined by a CRD in this
     * state), the namespace scope is right, and built-in kinds match the Kubernetes schema
     * ({@link SchemaCheck}: field types, base64 Secret data, string ConfigMap data, unknown and missing
     * required fields). Throws {@link InvalidInputException} listing every problem with file, object and field.
     */
    @Override
    public void validate(DesiredState prepared) {
        kinds.learn(DesiredKinds.of(prepared.resources()));
        List<String> problems = new ArrayList<>();
        for (Resource r : prepared.resources()) {
            Optional<ApiKind> kind;
            try {
                kind = kinds.find(r.apiVersion(), r.kind());
            } catch (Discovery.UnavailableException e) {
                throw new TargetException("cannot validate " + r.describe() + " against " + describe() + ": "
                        + e.getMessage(), true, e);
            }
            if (kind.isEmpty()) {
                problems.add(r.describe() + " (" + r.apiVersion() + "): the cluster does not serve this kind and no"
                        + " CustomResourceDefinition in this sync defines it; install the CRD first or add it to the"
                        + " repository");
            } else if (!kind.get().namespaced() && r.key().isNamespaced()) {
                problems.add(r.describe() + " is cluster-scoped but sets metadata.namespace '"
                        + r.namespace() + "'; remove metadata.namespace");
            } else if (kind.get().namespaced() && !r.key().isNamespaced()) {
                problems.add(r.describe() + " is namespaced but has no metadata.namespace");
            }
            SchemaCheck.check(r.manifest()).forEach(p -> problems.add(r.describe() + ": " + p));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * One LIST per kind (per namespace when the state spans several) with the managed-by and
     * environment label selector, for the desired kinds and those recorded in the inventory.
     */
    @Override
    public Map<ResourceKey, Resource> live(DesiredState prepared) {
        kinds.learn(DesiredKinds.of(prepared.resources()));
        Inventory.Entries recorded = inventory.read();
        lastInventory = recorded;
        Map<String, ApiKind> toList = new LinkedHashMap<>();
        Set<String> namespaces = new LinkedHashSet<>(List.of(namespace));
        for (Resource r : prepared.resources()) {
            findQuietly(r.apiVersion(), r.kind()).ifPresent(k -> toList.putIfAbsent(k.group() + "/" + k.kind(), k));
            if (r.key().isNamespaced()) {
                namespaces.add(r.namespace());
            }
        }
        for (String line : recorded.kinds()) {
            String[] parts = line.split(" ", 2);
            if (parts.length == 2) {
                findQuietly(parts[0], parts[1]).ifPresent(k -> toList.putIfAbsent(k.group() + "/" + k.kind(), k));
            }
        }
        namespaces.addAll(recorded.namespaces());
        Map<ResourceKey, Resource> live = new TreeMap<>();
        for (ApiKind kind : toList.values()) {
            for (String ns : kind.namespaced() ? namespaces : List.of("")) {
                // the engine's own bookkeeping (history ConfigMap, lease) is never desired nor pruned
                list(kind, ns).stream().filter(r -> !"true".equals(r.labels().get(Labels.INTERNAL)))
                        .forEach(r -> live.put(r.key(), r));
            }
        }
        lastLive = Map.copyOf(live);
        desiredNamespaces = prepared.resources().stream().filter(r -> isNamespace(r.key())).map(Resource::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return live;
    }

    private Optional<ApiKind> findQuietly(String apiVersion, String kind) {
        try {
            return kinds.find(apiVersion, kind);
        } catch (Discovery.UnavailableException e) {
            throw new TargetException("cannot list live objects in " + describe() + ": " + e.getMessage(), true, e);
        }
    }

    private List<Resource> list(ApiKind kind, String ns) {
        return api.list(kind, ns, Labels.selector(environment.name()));
    }

    @Override
    public int applyRank(ResourceKey key) {
        return KindOrder.rank(key);
    }

    @Override
    public Resource create(Resource desired) {
        return api.create(desired);
    }

    @Override
    public Resource update(Resource desired, Resource live) {
        return api.update(desired, live);
    }

    /**
     * The create as {@code dryRun=All} with {@code fieldValidation=Strict} (so a real server also refuses
     * fields a custom resource's CRD does not have); an object that exists already (409) is dry-run as the patch
     * {@link #create} would then send. A 404 for an object whose namespace or CRD this sync creates is
     * expected (a real server cannot check it yet) and skips it, as Argo CD does.
     */
    @Override
    public boolean dryRunCreate(Resource desired) {
        Optional<ApiKind> kind = findQuietly(desired.apiVersion(), desired.kind());
        return kind.isPresent() && api.dryRunCreate(kind.get(), desired, this::createdBySync);
    }

    /** The patch {@link #update} would send, as {@code dryRun=All}; nothing to send counts as checked. */
    @Override
    public boolean dryRunUpdate(Resource desired, Resource live) {
        return api.dryRunUpdate(desired, live, this::createdBySync);
    }

    /** Whether the namespace or the kind of this object is created by the sync being dry-run. */
    private boolean createdBySync(Resource desired) {
        boolean namespaceInSync = desired.key().isNamespaced() && desiredNamespaces.contains(desired.namespace())
                && lastLive.keySet().stream().noneMatch(k -> isNamespace(k) && k.name().equals(desired.namespace()));
        return namespaceInSync || kinds.desired().find(desired.apiVersion(), desired.kind()).isPresent();
    }

    @Override
    public void delete(Resource live) {
        if (isNamespace(live.key()) && "true".equals(live.annotations().get(IMPLICIT_NAMESPACE))) {
            LOG.warn("Not deleting namespace {}: it was created for environment {} (createNamespace), not from Git;"
                    + " delete it by hand if it is no longer needed", live.name(), environment.name());
            return;
        }
        api.delete(kindOf(live), live);
        deleted.add(live.key());
    }

    @Override
    public Optional<Resource> get(ResourceKey key) {
        return api.get(key);
    }

    @Override
    public Health health(Resource live) {
        return HealthChecks.of(live.manifest());
    }

    /** From API discovery: server version, served group versions and kinds with their scope (cached per client). */
    @Override
    public ClusterCapabilities capabilities() {
        try {
            return kinds.capabilities();
        } catch (Discovery.UnavailableException e) {
            throw new TargetException("cannot read the API versions " + describe() + " serves: " + e.getMessage(),
                    true, e);
        }
    }

    /** Records the kinds and namespaces now managed, writing the inventory only when they changed. */
    @Override
    public void afterSync(DesiredState prepared, List<Resource> applied) {
        Set<String> kindLines = new java.util.TreeSet<>();
        Set<String> namespaces = new java.util.TreeSet<>();
        Set<ResourceKey> desiredKeys = new java.util.HashSet<>();
        for (Resource r : prepared.resources()) {
            desiredKeys.add(r.key());
            record(r, kindLines, namespaces);
        }
        // objects left in place (prune off or refused) must stay findable by later prunes
        lastLive.values().stream().filter(r -> !desiredKeys.contains(r.key()) && !deleted.contains(r.key()))
                .forEach(r -> record(r, kindLines, namespaces));
        Inventory.Entries next = new Inventory.Entries(kindLines, namespaces);
        Inventory.Entries previous = lastInventory != null ? lastInventory : inventory.read();
        if (!next.equals(previous)) {
            LOG.debug("Recording the kinds of environment {} in {}/{}", environment.name(), namespace, inventory.name());
            inventory.write(next);
        }
        lastInventory = next;
        deleted.clear();
    }

    private void record(Resource r, Set<String> kindLines, Set<String> namespaces) {
        kindLines.add(r.apiVersion() + " " + r.kind());
        if (r.key().isNamespaced()) {
            namespaces.add(r.namespace());
        }
    }

    /** Fields the API server or controllers own; the diff layer never reports them as drift. */
    @Override
    public List<String> serverOwnedPointers(ResourceKey key) {
        List<String> pointers = new ArrayList<>(List.of("/status", "/metadata/uid", "/metadata/resourceVersion",
                "/metadata/generation", "/metadata/creationTimestamp", "/metadata/managedFields",
                "/metadata/annotations/" + ManagedFields.ANNOTATION.replace("/", "~1")));
        if (key.group().isEmpty() && "Service".equals(key.kind())) {
            pointers.addAll(List.of("/spec/clusterIP", "/spec/clusterIPs"));
        }
        return pointers;
    }

    /** Closes the client (the target owns it). */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private ApiKind kindOf(Resource live) {
        try {
            return kinds.find(live.apiVersion(), live.kind()).or(() -> kinds.forKey(live.key()))
                    .orElseThrow(() -> new TargetException(live.key() + ": kind " + live.apiVersion()
                            + " is no longer served by the cluster", false, null));
        } catch (Discovery.UnavailableException e) {
            throw new TargetException(e.getMessage(), true, e);
        }
    }
}
