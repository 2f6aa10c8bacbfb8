package io.jenkins.plugins.gitops.engine.cluster.swarm;

import static io.jenkins.plugins.gitops.engine.render.compose.StackObjects.CONFIG;
import static io.jenkins.plugins.gitops.engine.render.compose.StackObjects.NETWORK;
import static io.jenkins.plugins.gitops.engine.render.compose.StackObjects.SECRET;
import static io.jenkins.plugins.gitops.engine.render.compose.StackObjects.SERVICE;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.history.HistoryStore;

import io.jenkins.plugins.gitops.engine.lease.Lease;

import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.TrackingId;
import io.jenkins.plugins.gitops.engine.model.Ownership;
import io.jenkins.plugins.gitops.engine.render.compose.StackObjects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Docker Swarm stack as a target: the Service, Network, Config and Secret objects labelled with the
 * stack ({@code com.docker.stack.namespace}, so {@code docker stack services} lists them) and the
 * environment. Networks, configs and secrets are immutable: configs and secrets change by name (the
 * name carries a content hash), superseded versions are removed in {@link #afterSync}.
 */
public final class SwarmTarget implements Target {
    private static final Logger LOG = LoggerFactory.getLogger(SwarmTarget.class);
    private static final Set<String> KINDS = Set.of(SERVICE, NETWORK, CONFIG, SECRET);

    private final DockerApi api;
    private final String stack;
    private final String environment;
    private final TrackingId tracking;
    private final InternalConfigs internalConfigs;

    private SwarmTarget(DockerApi api, String stack, Environment environment) {
        this.api = api;
        this.stack = stack;
        this.environment = environment.name();
        this.tracking = environment.tracking();
        this.internalConfigs = new InternalConfigs(api, stack, false);
    }

    /** Connects and checks that the daemon is a swarm manager; errors say how to fix the connection. */
    public static SwarmTarget connect(Environment env, SwarmConnection connection) {
        String stack = env.target() == null ? null : env.target().stack();
        if (stack == null || stack.isBlank()) {
            throw new InvalidInputException("gitops.yaml: environment '" + env.name()
                    + "': target.swarm.stack is required for a Swarm target");
        }
        DockerApi api = new DockerApi(connection);
        try {
            Map<String, Object> info = api.getMap("/info");
            String state = Manifests.string(info, "Swarm", "LocalNodeState");
            boolean manager = Boolean.TRUE.equals(Manifests.get(info, "Swarm", "ControlAvailable"));
            if (!"active".equals(state) || !manager) {
                throw new TargetException("the Docker daemon at " + connection.dockerHost()
                        + " is not a swarm manager (swarm state: " + state + (manager ? "" : ", not a manager")
                        + "); run `docker swarm init` or point --docker-host at a manager", false, null);
            }
            LOG.debug("Connected to swarm manager {} for stack {}", connection.dockerHost(), stack);
            return new SwarmTarget(api, stack, env);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "Docker Swarm " + api.host() + " stack " + stack;
    }

    @Override
    public DesiredState prepare(DesiredState rendered) {
        List<String> problems = new ArrayList<>();
        List<Resource> prepared = new ArrayList<>();
        List<String> warnings = new ArrayList<>(rendered.warnings());
        ImagePins pins = new ImagePins(api);
        for (Resource r : rendered.resources()) {
            if (!StackObjects.GROUP.equals(r.key().group()) || !KINDS.contains(r.kind())) {
                problems.add(r.describe() + ": a Swarm target deploys only compose services, networks, configs and"
                        + " secrets; render this environment from a docker-compose.yml");
                continue;
            }
            Map<String, Object> spec = Manifests.mutableCopy(Manifests.ensureMap(r.mutableManifest(), "Spec"));
            Map<String, Object> labels = Manifests.ensureMap(spec, "Labels");
            StackObjects.baseLabels(stack, environment).forEach(labels::put);
            labels.put(Labels.OWNER, tracking.label());
            labels.put(Labels.TRACKING_ID, tracking.value());
            if (r.kind().equals(SERVICE)) {
                pins.pin(spec, warnings);
            }
            prepared.add(StackObjects.resource(r.kind(), spec, r.source()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DesiredState(rendered.environment(), rendered.revision(), prepared, warnings);
    }

    @Override
    public void validate(DesiredState prepared) {
        Map<String, Set<String>> desiredNames = new LinkedHashMap<>();
        prepared.resources().forEach(r -> desiredNames.computeIfAbsent(r.kind(), k -> new HashSet<>()).add(r.name()));
        List<String> problems = new ArrayList<>();
        Set<String> networks = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        Set<String> configs = new HashSet<>();
        for (Resource r : prepared.resources()) {
            if (!r.kind().equals(SERVICE)) {
                continue;
            }
            Map<String, Object> spec = spec(r);
            for (Object n : list(Manifests.get(spec, "TaskTemplate", "Networks"))) {
                networks.add(Manifests.string(map(n), "Target"));
            }
            for (Object s : list(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Secrets"))) {
                secrets.add(Manifests.string(map(s), "SecretName"));
            }
            for (Object c : list(Manifests.get(spec, "TaskTemplate", "ContainerSpec", "Configs"))) {
                configs.add(Manifests.string(map(c), "ConfigName"));
            }
        }
        Map<String, String> liveNetworks = new LinkedHashMap<>();
        api.list("/networks").forEach(n -> liveNetworks.put(String.valueOf(n.get("Name")), String.valueOf(n.get("Id"))));
        networks.removeAll(desiredNames.getOrDefault(NETWORK, Set.of()));
        networks.stream().filter(n -> !liveNetworks.containsKey(n)).sorted().forEach(n -> problems.add(
                "external network '" + n + "' does not exist on " + api.host() + "; create it (docker network create"
                        + " --driver overlay " + n + ") or declare it without external: true"));
        checkExternal("secret", "/secrets", secrets, desiredNames.getOrDefault(SECRET, Set.of()), problems);
        checkExternal("config", "/configs", configs, desiredNames.getOrDefault(CONFIG, Set.of()), problems);
        for (Resource r : prepared.resources()) {
            if (r.kind().equals(NETWORK) && liveNetworks.containsKey(r.name())) {
                Resource live = new LiveObjects(List.of()).network(api.getMap("/networks/" + liveNetworks.get(r.name())));
                Ownership owner = Ownership.of(live, tracking);
                if (owner == Ownership.OTHER || owner == Ownership.UNMANAGED) {
                    // networks cannot be relabelled, so not even takeOwnership can adopt one
                    problems.add(r.describe() + ": a network of that name exists and is "
                            + (owner == Ownership.OTHER ? "owned by " + Ownership.describeOwner(live)
                                    : "not managed by this product") + ", not by " + tracking.describe()
                            + "; remove it or rename the network in the compose file");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void checkExternal(String noun, String path, Set<String> referenced, Set<String> desired,
            List<String> problems) {
        Set<String> external = new HashSet<>(referenced);
        external.removeAll(desired);
        if (external.isEmpty()) {
            return;
        }
        Set<String> existing = new HashSet<>();
        api.list(path).forEach(o -> existing.add(Manifests.string(o, "Spec", "Name")));
        external.stream().filter(n -> !existing.contains(n)).sorted().forEach(n -> problems.add("external " + noun
                + " '" + n + "' does not exist on " + api.host() + "; create it (docker " + noun + " create " + n
                + " FILE) or declare it with file:"));
    }

    @Override
    public Map<ResourceKey, Resource> live(DesiredState prepared) {
        Map<ResourceKey, Resource> live = new LinkedHashMap<>();
        String filter = DockerApi.filters(Map.of("label", List.of(Labels.STACK_NAMESPACE + "=" + stack,
                Labels.ENVIRONMENT + "=" + environment)));
        List<Map<String, Object>> networks = api.list("/networks");
        LiveObjects objects = new LiveObjects(networks);
        for (Map<String, Object> n : networks) {
            if (stack.equals(Manifests.string(n, "Labels", Labels.STACK_NAMESPACE))
                    && environment.equals(Manifests.string(n, "Labels", Labels.ENVIRONMENT))) {
                put(live, objects.network(n));
            }
        }
        // the engine's own history and lock configs carry the stack labels too: never drift, never pruned
        api.list("/configs?filters=" + filter).stream().filter(c -> !internal(c))
                .forEach(c -> put(live, objects.fileObject(CONFIG, c)));
        api.list("/secrets?filters=" + filter).stream().filter(s -> !internal(s))
                .forEach(s -> put(live, objects.fileObject(SECRET, s)));
        api.list("/services?filters=" + filter).stream().filter(s -> !internal(s))
                .forEach(s -> put(live, objects.service(s)));
        return live;
    }

    @Override
    public List<String> previews(String template) {
        String filter = DockerApi.filters(Map.of("label", List.of(Labels.MANAGED_BY + "=" + Labels.MANAGED_BY_VALUE,
                Labels.PREVIEW_OF + "=" + template)));
        return api.list("/services?filters=" + filter).stream()
                .map(s -> Manifests.string(s, "Spec", "Labels", Labels.ENVIRONMENT))
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    @Override
    public List<Endpoint> endpoints() {
        String filter = DockerApi.filters(Map.of("label", List.of(Labels.STACK_NAMESPACE + "=" + stack,
                Labels.ENVIRONMENT + "=" + environment)));
        List<Endpoint> out = new ArrayList<>();
        for (Map<String, Object> s : api.list("/services?filters=" + filter)) {
            if (internal(s)) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            map(Manifests.get(s, "Spec", "Labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
            List<Integer> ports = new ArrayList<>();
            for (Object p : list(Manifests.get(s, "Endpoint", "Ports"))) {
                Map<String, Object> port = map(p);
                boolean ingress = !"host".equals(port.get("PublishMode"));
                boolean tcp = port.get("Protocol") == null || "tcp".equals(port.get("Protocol"));
                if (ingress && tcp && port.get("PublishedPort") instanceof Number n && n.intValue() > 0) {
                    ports.add(n.intValue());
                }
            }
            out.add(new Endpoint(Manifests.string(s, "Spec", "Name"), Map.copyOf(labels), List.copyOf(ports)));
        }
        out.sort(java.util.Comparator.comparing(Endpoint::service));
        return out;
    }

    /** The stack's history configs of this environment (a deleted preview's); locks are left to their holders. */
    @Override
    public void removeHistory() {
        for (InternalConfigs.Config c : internalConfigs.list(Map.of(Labels.ENVIRONMENT, environment,
                InternalConfigs.KIND, SwarmHistoryStore.KIND_HISTORY))) {
            LOG.info("Removing history config {}", c.name());
            internalConfigs.delete(c.id());
        }
    }

    /** Deployment history and locks ({@link InternalConfigs}): bookkeeping, not part of any desired state. */
    private static boolean internal(Map<String, Object> object) {
        return "true".equals(Manifests.string(object, "Spec", "Labels", Labels.INTERNAL));
    }

    private static void put(Map<ResourceKey, Resource> live, Resource r) {
        live.put(r.key(), r);
    }

    /** Every object of a stack is the environment's own: the stack is its namespace. */
    @Override
    public boolean isScoped(ResourceKey key) {
        return true;
    }

    @Override
    public int applyRank(ResourceKey key) {
        return switch (key.kind()) {
            case NETWORK -> 0;
            case SECRET, CONFIG -> 1;
            default -> 2;
        };
    }

    @Override
    public Resource create(Resource desired) {
        Map<String, Object> spec = spec(desired);
        LOG.info("Creating {} {}", desired.kind(), desired.name());
        String id = switch (desired.kind()) {
            case NETWORK -> {
                Map<String, Object> body = new LinkedHashMap<>(spec);
                body.put("CheckDuplicate", true);
                yield String.valueOf(api.post("/networks/create", body).get("Id"));
            }
            case CONFIG -> String.valueOf(api.post("/configs/create", spec).get("ID"));
            case SECRET -> String.valueOf(api.post("/secrets/create", spec).get("ID"));
            default -> String.valueOf(api.post("/services/create", withReferenceIds(spec)).get("ID"));
        };
        return read(desired.kind(), id).orElseThrow(() -> new TargetException(desired.describe()
                + ": created but not found again on " + api.host(), true, null));
    }

    @Override
    public Resource update(Resource desired, Resource live) {
        switch (desired.kind()) {
            case SERVICE -> {
                Object index = Manifests.get(live.manifest(), "Version", "Index");
                String id = Manifests.string(live.manifest(), "ID");
                LOG.info("Updating service {} (version {})", desired.name(), index);
                // The Engine API takes a whole ServiceSpec (as docker stack deploy sends); the daemon
                // fills its defaults again, and fields removed from compose are removed live.
                Map<String, Object> answer = api.post("/services/" + id + "/update?version=" + index,
                        withReferenceIds(spec(desired)));
                Object warnings = answer.get("Warnings");
                if (warnings instanceof List<?> w && !w.isEmpty()) {
                    LOG.warn("Docker warned updating service {}: {}", desired.name(), w);
                }
                return read(SERVICE, id).orElseThrow(() -> new TargetException(desired.describe()
                        + ": updated but not found again on " + api.host(), true, null));
            }
            case NETWORK -> throw new TargetException(desired.describe() + ": Swarm networks cannot be changed in"
                    + " place (driver, options or labels differ); rename the network in the compose file so a new one"
                    + " is created, or remove the stack's network first", false, null);
            default -> {
                String noun = desired.kind().toLowerCase(java.util.Locale.ROOT);
                if (Manifests.string(desired.manifest(), "Spec", "Labels", StackObjects.CONTENT_HASH) != null) {
                    throw new TargetException(desired.describe() + ": Swarm " + noun + "s cannot be changed in place"
                            + " and this one has an explicit name: in the compose file, which is used as written;"
                            + " give it a new name (for example with a version suffix) when its content or labels"
                            + " change, or leave name: out so that the name carries a content hash", false, null);
                }
                throw new TargetException(desired.describe() + ": Swarm " + noun + "s cannot be changed in place and"
                        + " their name carries a content hash, so this is unexpected; remove the live " + noun + " '"
                        + desired.name() + "' and sync again", false, null);
            }
        }
    }

    @Override
    public void delete(Resource live) {
        String id = Manifests.string(live.manifest(), "ID");
        LOG.debug("Deleting {} {}", live.kind(), live.name()); // the executor reports prunes; retries would repeat this
        try {
            api.delete(collection(live.kind()) + "/" + DockerApi.encode(id));
        } catch (TargetException e) {
            if (live.kind().equals(NETWORK) && !e.retryable() && String.valueOf(e.getMessage()).contains("in use by task")) {
                // the manager frees a network only once the tasks of the services just deleted are gone (HTTP 400,
                // FailedPrecondition "network ... is in use by task ..."; docker stack rm races the same way and
                // reports "Failed to remove network"): transient, so the executor tries again with backoff
                throw new TargetException(e.getMessage(), true, e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Resource> get(ResourceKey key) {
        return read(key.kind(), key.name());
    }

    @Override
    public Health health(Resource live) {
        if (!live.kind().equals(SERVICE)) {
            return Health.HEALTHY;
        }
        String id = Manifests.string(live.manifest(), "ID");
        Optional<Object> service = api.find("/services/" + DockerApi.encode(id == null ? live.name() : id));
        if (service.isEmpty()) {
            return Health.MISSING;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) service.get();
        List<Map<String, Object>> tasks = api.list("/tasks?filters="
                + DockerApi.filters(Map.of("service", List.of(String.valueOf(s.get("ID"))))));
        return ServiceConvergence.evaluate(s, tasks, java.time.Instant.now());
    }

    /** Removes this stack's configs and secrets that no service uses any more and Git no longer has. */
    @Override
    public void afterSync(DesiredState prepared, List<Resource> applied) {
        Set<String> keep = new HashSet<>();
        prepared.resources().forEach(r -> keep.add(r.name()));
        Set<String> referenced = new HashSet<>();
        for (Map<String, Object> s : api.list("/services")) {
            for (String kind : List.of("Secrets", "Configs")) {
                for (Object ref : list(Manifests.get(s, "Spec", "TaskTemplate", "ContainerSpec", kind))) {
                    referenced.add(Manifests.string(map(ref), kind.equals("Secrets") ? "SecretID" : "ConfigID"));
                }
            }
        }
        String filter = DockerApi.filters(Map.of("label", List.of(Labels.STACK_NAMESPACE + "=" + stack,
                Labels.ENVIRONMENT + "=" + environment)));
        for (String kind : List.of(CONFIG, SECRET)) {
            for (Map<String, Object> o : api.list(collection(kind) + "?filters=" + filter)) {
                if (internal(o)) {
                    continue;
                }
                String name = Manifests.string(o, "Spec", "Name");
                Ownership owner = Ownership.of(new LiveObjects(List.of()).fileObject(kind, o), tracking);
                boolean ours = owner == Ownership.OURS || owner == Ownership.LEGACY;
                if (ours && !keep.contains(name) && !referenced.contains(String.valueOf(o.get("ID")))) {
                    LOG.info("Removing superseded {} {}", kind.toLowerCase(), name);
                    api.delete(collection(kind) + "/" + o.get("ID"));
                }
            }
        }
    }

    @Override
    public List<String> serverOwnedPointers(ResourceKey key) {
        List<String> pointers = new ArrayList<>(LiveObjects.SERVER_KEYS.stream().map(k -> "/" + k).toList());
        if (key.kind().equals(SECRET)) {
            // The daemon never returns secret data; the name's content hash stands for it.
            pointers.add("/Spec/Data");
        }
        if (!key.kind().equals(SERVICE)) {
            // networks, configs and secrets cannot be relabelled: objects of this stack made before owners
            // were recorded keep their labels (they are ours: the stack is the environment's own)
            for (String label : List.of(Labels.OWNER, Labels.TRACKING_ID)) {
                String escaped = label.replace("~", "~0").replace("/", "~1");
                pointers.add("/Spec/Labels/" + escaped);
                pointers.add("/metadata/labels/" + escaped);
            }
        }
        return pointers;
    }

    /** Deployment records as configs of this stack, one per record (see {@link SwarmHistoryStore}). */
    @Override
    public HistoryStore historyStore() {
        return new SwarmHistoryStore(internalConfigs, environment);
    }

    /** Environment locks as configs of this stack (see {@link SwarmLease}). */
    @Override
    public Lease lease() {
        return new SwarmLease(internalConfigs);
    }

    @Override
    public void close() {
        api.close();
    }

    private Optional<Resource> read(String kind, String idOrName) {
        if (kind.equals(SERVICE)) {
            Optional<Object> s = api.find("/services/" + DockerApi.encode(idOrName));
            return s.map(o -> new LiveObjects(api.list("/networks")).service(map(o)));
        }
        if (kind.equals(NETWORK)) {
            return api.find("/networks/" + DockerApi.encode(idOrName))
                    .map(n -> new LiveObjects(List.of()).network(map(n)));
        }
        Optional<Object> found = api.find(collection(kind) + "/" + DockerApi.encode(idOrName));
        if (found.isEmpty()) {
            // configs and secrets are found by ID; look names up in the list
            found = api.list(collection(kind) + "?filters=" + DockerApi.filters(Map.of("name", List.of(idOrName))))
                    .stream().filter(o -> idOrName.equals(Manifests.string(o, "Spec", "Name"))).findFirst()
                    .map(o -> (Object) o);
        }
        return found.map(o -> new LiveObjects(List.of()).fileObject(kind, map(o)));
    }

    /** The spec with SecretID/ConfigID filled in: the Engine API needs IDs, compose gives names. */
    private Map<String, Object> withReferenceIds(Map<String, Object> spec) {
        Map<String, Object> copy = Manifests.mutableCopy(spec);
        Map<String, Object> container = Manifests.ensureMap(copy, "TaskTemplate", "ContainerSpec");
        resolveIds(container, "Secrets", "SecretName", "SecretID", "/secrets");
        resolveIds(container, "Configs", "ConfigName", "ConfigID", "/configs");
        return copy;
    }

    @SuppressWarnings("unchecked")
    private void resolveIds(Map<String, Object> container, String listKey, String nameKey, String idKey, String path) {
        List<Object> refs = list(container.get(listKey));
        if (refs.isEmpty()) {
            return;
        }
        List<String> names = refs.stream().map(r -> Manifests.string(map(r), nameKey)).toList();
        Map<String, String> ids = new LinkedHashMap<>();
        api.list(path + "?filters=" + DockerApi.filters(Map.of("name", names)))
                .forEach(o -> ids.put(Manifests.string(o, "Spec", "Name"), String.valueOf(o.get("ID"))));
        for (Object r : refs) {
            Map<String, Object> ref = (Map<String, Object>) r;
            String id = ids.get(String.valueOf(ref.get(nameKey)));
            if (id == null) {
                throw new TargetException("service uses " + nameKey.replace("Name", "").toLowerCase() + " '"
                        + ref.get(nameKey) + "', which does not exist on " + api.host(), false, null);
            }
            ref.put(idKey, id);
        }
    }

    private static String collection(String kind) {
        return switch (kind) {
            case SERVICE -> "/services";
            case NETWORK -> "/networks";
            case CONFIG -> "/configs";
            default -> "/secrets";
        };
    }

    private static Map<String, Object> spec(Resource r) {
        return map(r.manifest().get("Spec"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }
}
