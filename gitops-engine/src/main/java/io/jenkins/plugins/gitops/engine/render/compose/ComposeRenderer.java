package io.jenkins.plugins.gitops.engine.render.compose;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.render.FormatRenderer;
import io.jenkins.plugins.gitops.engine.render.SafeYaml;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders an environment folder holding a compose file ({@code docker-compose.yml},
 * {@code docker-compose.yaml}, {@code compose.yml} or {@code compose.yaml}, plus an optional
 * {@code .env}) into Swarm objects, the way {@code docker stack deploy} would create them: one
 * Service, Network, Config or Secret resource per object, named {@code <stack>_<name>}, with the
 * manifest in Docker Engine API form (see {@link StackObjects}). Config and secret names carry a
 * content hash because Swarm cannot change them in place.
 */
public final class ComposeRenderer implements FormatRenderer {
    static final List<String> FILE_NAMES = List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml",
            "compose.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean accepts(SourceTree tree, String directory) {
        return composeFile(tree, directory) != null;
    }

    @Override
    public Rendering render(SourceTree tree, String directory, Environment environment, Map<String, String> variables) {
        String file = composeFile(tree, directory);
        if (file == null) {
            throw new InvalidInputException(directory + ": no compose file (expected one of " + FILE_NAMES + ")");
        }
        String stack = environment.target() == null ? null : environment.target().stack();
        if (stack == null || !stack.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new InvalidInputException("gitops.yaml: environment '" + environment.name()
                    + "': target.swarm.stack must be set to a stack name (letters, digits, '_', '.', '-') to deploy "
                    + file);
        }
        Map<String, String> values = new HashMap<>(dotEnv(tree, directory));
        values.putAll(environment.variables());
        values.putAll(variables);
        Interpolator interpolator = new Interpolator(values::get, file);

        Object parsed = SafeYaml.load(tree.read(file), file, SafeYaml.Schema.COMPOSE);
        ComposeValues top = new ComposeValues(file, "compose file");
        Map<String, Object> compose = top.map(interpolator.interpolateTree(top.map(parsed, "(top level)"), ""),
                "(top level)");
        ComposeKeys.check(compose, ComposeKeys.TOP, file, "top level");

        List<String> warnings = new ArrayList<>();
        StackContext ctx = new StackContext(stack, environment.name(), file, directory, tree, values::get, warnings);
        List<Resource> resources = new ArrayList<>();
        Map<String, Object> services = top.map(compose.get("services"), "services");
        if (services.isEmpty()) {
            throw new InvalidInputException(file + ": no services; a stack needs at least one service");
        }
        boolean needsDefaultNetwork = services.values().stream()
                .anyMatch(s -> !(s instanceof Map<?, ?> m) || m.get("networks") == null);
        resources.addAll(ctx.networks(top.map(compose.get("networks"), "networks"), needsDefaultNetwork));
        ctx.volumes(top.map(compose.get("volumes"), "volumes"));
        resources.addAll(ctx.fileObjects(StackObjects.CONFIG, top.map(compose.get("configs"), "configs")));
        resources.addAll(ctx.fileObjects(StackObjects.SECRET, top.map(compose.get("secrets"), "secrets")));
        for (Map.Entry<String, Object> e : services.entrySet()) {
            ComposeValues v = new ComposeValues(file, "service '" + e.getKey() + "'");
            Map<String, Object> service = v.map(e.getValue(), "services." + e.getKey());
            warnings.addAll(ComposeKeys.checkService(service, file, e.getKey()));
            Map<String, Object> spec = new ServiceConverter(ctx, e.getKey(), service, v, warnings).convert();
            resources.add(StackObjects.resource(StackObjects.SERVICE, spec, file));
        }
        warnings.addAll(0, interpolator.warnings());
        return new Rendering(resources.stream().map(ComposeRenderer::asJson).toList(), warnings);
    }

    /** The variables of a folder's {@code .env} file, as interpolation reads them; empty when there is none. */
    public static Map<String, String> dotEnv(SourceTree tree, String directory) {
        String envFile = RepoPaths.child(directory, ".env");
        return tree.isFile(envFile) ? DotEnv.parse(tree.read(envFile), envFile) : Map.of();
    }

    private static String composeFile(SourceTree tree, String directory) {
        if (!tree.isDirectory(directory)) {
            return null;
        }
        return FILE_NAMES.stream().map(n -> RepoPaths.child(directory, n)).filter(tree::isFile).findFirst()
                .orElse(null);
    }

    /** Round trip through JSON so numbers have the Java types a parsed inspect answer has (Integer, Long, Double). */
    @SuppressWarnings("unchecked")
    private static Resource asJson(Resource resource) {
        try {
            return resource.withManifest(JSON.readValue(JSON.writeValueAsBytes(resource.manifest()), Map.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("manifest of " + resource + " is not JSON", e);
        }
    }

    static String shortHash(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                sha.update(p);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The name of an external network, volume, config or secret, or null when it is not external.
     * {@code external: true} takes {@code name:} or the key; the older {@code external: {name: X}}
     * takes X (with docker's deprecation warning).
     */
    static String external(Map<String, Object> object, ComposeValues v, String noun, String key, String customName,
            List<String> warnings) {
        Object external = object.get("external");
        if (external instanceof Map<?, ?>) {
            Map<String, Object> ext = v.map(external, "external");
            ComposeKeys.check(ext, java.util.Set.of("name"), v.file(), noun + " '" + key + "' external");
            String name = v.string(ext.get("name"), "external.name");
            if (name == null) {
                return customName != null ? customName : key;
            }
            if (customName != null && !customName.equals(name)) {
                throw v.error("external.name", "conflicts with name: '" + customName + "'; keep only name:");
            }
            warnings.add(v.file() + ": " + noun + " '" + key + "': external.name is deprecated in favor of name"
                    + " (docker stack deploy warns the same); write name: " + name + " and external: true");
            return name;
        }
        return Boolean.TRUE.equals(v.bool(external, "external")) ? (customName != null ? customName : key) : null;
    }

    /** A network's {@code ipam} as docker's convert.Networks sends it (driver, and subnets only). */
    static Map<String, Object> ipam(ComposeValues v, Map<String, Object> ipam, String network) {
        ComposeKeys.check(ipam, ComposeKeys.IPAM, v.file(), "network '" + network + "' ipam");
        Map<String, Object> out = new LinkedHashMap<>();
        String driver = v.string(ipam.get("driver"), "ipam.driver");
        if (driver != null && !driver.isEmpty()) {
            out.put("Driver", driver);
        }
        List<Object> configs = new ArrayList<>();
        for (Object c : v.list(ipam.get("config"), "ipam.config")) {
            Map<String, Object> config = v.map(c, "ipam.config");
            ComposeKeys.check(config, ComposeKeys.IPAM_CONFIG, v.file(), "network '" + network + "' ipam.config");
            configs.add(Map.of("Subnet", v.string(config.get("subnet"), "ipam.config.subnet")));
        }
        if (!configs.isEmpty()) {
            out.put("Config", configs);
        }
        return out;
    }

    /** The stack being rendered and the Swarm names of its top-level objects. */
    static final class StackContext {
        final String stack;
        final String environment;
        final String file;
        final String directory;
        final SourceTree tree;
        final java.util.function.Function<String, String> lookup;
        final Map<String, String> networkNames = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> volumeOptions = new LinkedHashMap<>();
        final Map<String, String> volumeNames = new LinkedHashMap<>();
        final Map<String, String> configNames = new LinkedHashMap<>();
        final Map<String, String> secretNames = new LinkedHashMap<>();
        final List<String> warnings;

        StackContext(String stack, String environment, String file, String directory, SourceTree tree,
                java.util.function.Function<String, String> lookup, List<String> warnings) {
            this.warnings = warnings;
            this.stack = stack;
            this.environment = environment;
            this.file = file;
            this.directory = directory;
            this.tree = tree;
            this.lookup = lookup;
        }

        String scoped(String name) {
            return stack + "_" + name;
        }

        Map<String, Object> labels(Map<String, String> user) {
            Map<String, Object> labels = new TreeMap<>(user);
            labels.putAll(StackObjects.baseLabels(stack, environment));
            return labels;
        }

        List<Resource> networks(Map<String, Object> declared, boolean needsDefault) {
            Map<String, Object> all = new LinkedHashMap<>(declared);
            if (needsDefault && !all.containsKey("default")) {
                all.put("default", null);
            }
            List<Resource> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : all.entrySet()) {
                ComposeValues v = new ComposeValues(file, "network '" + e.getKey() + "'");
                Map<String, Object> net = v.map(e.getValue(), "networks." + e.getKey());
                ComposeKeys.check(net, ComposeKeys.NETWORK, file, "network '" + e.getKey() + "'");
                String customName = v.string(net.get("name"), "name");
                String external = external(net, v, "network", e.getKey(), customName, warnings);
                if (external != null) {
                    networkNames.put(e.getKey(), external);
                    continue;
                }
                String name = customName != null ? customName : scoped(e.getKey());
                networkNames.put(e.getKey(), name);
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("Name", name);
                spec.put("Driver", net.get("driver") == null ? "overlay" : v.string(net.get("driver"), "driver"));
                spec.put("Labels", labels(v.keyValues(net.get("labels"), "labels")));
                if (Boolean.TRUE.equals(v.bool(net.get("attachable"), "attachable"))) {
                    spec.put("Attachable", true);
                }
                if (Boolean.TRUE.equals(v.bool(net.get("internal"), "internal"))) {
                    spec.put("Internal", true);
                }
                if (net.get("driver_opts") != null) {
                    spec.put("Options", new TreeMap<>(v.keyValues(net.get("driver_opts"), "driver_opts")));
                }
                Map<String, Object> ipam = ipam(v, v.map(net.get("ipam"), "ipam"), e.getKey());
                if (!ipam.isEmpty()) {
                    spec.put("IPAM", ipam);
                }
                out.add(StackObjects.resource(StackObjects.NETWORK, spec, file));
            }
            return out;
        }

        void volumes(Map<String, Object> declared) {
            for (Map.Entry<String, Object> e : declared.entrySet()) {
                ComposeValues v = new ComposeValues(file, "volume '" + e.getKey() + "'");
                Map<String, Object> vol = v.map(e.getValue(), "volumes." + e.getKey());
                ComposeKeys.check(vol, ComposeKeys.VOLUME, file, "volume '" + e.getKey() + "'");
                String customName = v.string(vol.get("name"), "name");
                String external = external(vol, v, "volume", e.getKey(), customName, warnings);
                if (external != null) {
                    volumeNames.put(e.getKey(), external);
                    continue;
                }
                volumeNames.put(e.getKey(), customName != null ? customName : scoped(e.getKey()));
                Map<String, Object> options = new LinkedHashMap<>();
                Map<String, Object> labels = new TreeMap<>(v.keyValues(vol.get("labels"), "labels"));
                labels.put(io.jenkins.plugins.gitops.engine.model.Labels.STACK_NAMESPACE, stack);
                options.put("Labels", labels);
                if (vol.get("driver") != null || vol.get("driver_opts") != null) {
                    Map<String, Object> driver = new LinkedHashMap<>();
                    driver.put("Name", vol.get("driver") == null ? "local" : v.string(vol.get("driver"), "driver"));
                    if (vol.get("driver_opts") != null) {
                        driver.put("Options", new TreeMap<>(v.keyValues(vol.get("driver_opts"), "driver_opts")));
                    }
                    options.put("DriverConfig", driver);
                }
                volumeOptions.put(e.getKey(), options);
            }
        }

        /** Configs or secrets: {@code file:} (inside the repository) or {@code external: true}. */
        List<Resource> fileObjects(String kind, Map<String, Object> declared) {
            String noun = kind.toLowerCase(java.util.Locale.ROOT);
            Map<String, String> names = kind.equals(StackObjects.CONFIG) ? configNames : secretNames;
            List<Resource> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : declared.entrySet()) {
                String where = noun + " '" + e.getKey() + "'";
                ComposeValues v = new ComposeValues(file, where);
                Map<String, Object> obj = v.map(e.getValue(), noun + "s." + e.getKey());
                ComposeKeys.check(obj, ComposeKeys.FILE_OBJECT, file, where);
                String customName = v.string(obj.get("name"), "name");
                String external = external(obj, v, noun, e.getKey(), customName, warnings);
                if (external != null) {
                    names.put(e.getKey(), external);
                    continue;
                }
                String path = v.string(obj.get("file"), "file");
                if (path == null) {
                    throw new InvalidInputException(file + ": " + where + ": needs 'file:' (a file in the repository)"
                            + " or 'external: true' (created outside Git)");
                }
                byte[] data = tree.read(RepoPaths.resolve(directory, path, file + ": " + where));
                Map<String, Object> labels = labels(v.keyValues(obj.get("labels"), "labels"));
                String hash = shortHash(data, labels.toString().getBytes(StandardCharsets.UTF_8));
                // an explicit name is used as written, as docker stack deploy uses it (other stacks and
                // tools may refer to it); the content hash then goes into a label, so that new content is
                // still seen as a change (and refused with advice: Swarm cannot change it in place)
                String name = customName != null ? customName : scoped(e.getKey()) + "-" + hash;
                if (customName != null) {
                    labels.put(StackObjects.CONTENT_HASH, hash);
                }
                names.put(e.getKey(), name);
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("Name", name);
                spec.put("Labels", labels);
                spec.put("Data", Base64.getEncoder().encodeToString(data));
                out.add(StackObjects.resource(kind, spec, file));
            }
            return out;
        }
    }
}
