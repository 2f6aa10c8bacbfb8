package io.jenkins.plugins.gitops.engine.render.compose;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One compose service to a Docker Engine API {@code ServiceSpec}, as {@code docker stack deploy}
 * builds it (Env sorted, networks with the service name as alias, the stack label on the service and
 * its containers), with values in the units the daemon stores so that re-reading it compares equal.
 */
final class ServiceConverter {
    private final ComposeRenderer.StackContext ctx;
    private final String name;
    private final Map<String, Object> service;
    private final ComposeValues v;
    private final List<String> warnings;

    ServiceConverter(ComposeRenderer.StackContext ctx, String name, Map<String, Object> service, ComposeValues v,
            List<String> warnings) {
        this.ctx = ctx;
        this.name = name;
        this.service = service;
        this.v = v;
        this.warnings = warnings;
    }

    Map<String, Object> convert() {
        String image = v.string(service.get("image"), "image");
        if (image == null || image.isBlank()) {
            throw v.error("image", "is required: Swarm services run an image (build: is not supported by Swarm)");
        }
        Map<String, Object> deploy = v.map(service.get("deploy"), "deploy");
        ComposeKeys.check(deploy, ComposeKeys.DEPLOY, ctx.file, "service '" + name + "' deploy");

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("Name", ctx.scoped(name));
        Map<String, Object> labels = ctx.labels(v.keyValues(deploy.get("labels"), "deploy.labels"));
        labels.put(StackObjects.STACK_IMAGE, image);
        spec.put("Labels", labels);

        ContainerOptions options = new ContainerOptions(service, v, "service '" + name + "'", warnings);
        Map<String, Object> task = new LinkedHashMap<>();
        Map<String, Object> container = containerSpec(image);
        options.addTo(container);
        task.put("ContainerSpec", container);
        putIfNotEmpty(task, "Resources", resources(v.map(deploy.get("resources"), "deploy.resources")));
        putIfNotEmpty(task, "RestartPolicy", deploy.get("restart_policy") != null
                ? restartPolicy(v.map(deploy.get("restart_policy"), "deploy.restart_policy"))
                : options.restartPolicy());
        putIfNotNull(task, "LogDriver", options.logDriver());
        putIfNotEmpty(task, "Placement", placement(v.map(deploy.get("placement"), "deploy.placement")));
        task.put("Networks", networks());
        spec.put("TaskTemplate", task);

        spec.put("Mode", mode(deploy));
        putIfNotEmpty(spec, "UpdateConfig", updateConfig(deploy, "update_config"));
        putIfNotEmpty(spec, "RollbackConfig", updateConfig(deploy, "rollback_config"));
        spec.put("EndpointSpec", endpointSpec(deploy));
        return spec;
    }

    private Map<String, Object> containerSpec(String image) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Image", image);
        Map<String, Object> labels = new TreeMap<>(v.keyValues(service.get("labels"), "labels"));
        labels.put(Labels.STACK_NAMESPACE, ctx.stack);
        c.put("Labels", labels);
        putIfNotNull(c, "Command", v.command(service.get("entrypoint"), "entrypoint"));
        putIfNotNull(c, "Args", v.command(service.get("command"), "command"));
        putIfNotNull(c, "Hostname", v.string(service.get("hostname"), "hostname"));
        List<String> env = environment();
        if (!env.isEmpty()) {
            c.put("Env", env);
        }
        putIfNotNull(c, "Dir", v.string(service.get("working_dir"), "working_dir"));
        putIfNotNull(c, "User", v.string(service.get("user"), "user"));
        putIfNotNull(c, "StopSignal", v.string(service.get("stop_signal"), "stop_signal"));
        putIfNotNull(c, "StopGracePeriod", v.durationNanos(service.get("stop_grace_period"), "stop_grace_period"));
        putIfNotNull(c, "Init", v.bool(service.get("init"), "init"));
        if (Boolean.TRUE.equals(v.bool(service.get("tty"), "tty"))) {
            c.put("TTY", true);
        }
        if (Boolean.TRUE.equals(v.bool(service.get("read_only"), "read_only"))) {
            c.put("ReadOnly", true);
        }
        putIfNotEmpty(c, "Healthcheck", healthcheck(v.map(service.get("healthcheck"), "healthcheck")));
        List<Object> mounts = new MountConverter(ctx, name, v).mounts(v.list(service.get("volumes"), "volumes"));
        if (!mounts.isEmpty()) {
            c.put("Mounts", mounts);
        }
        List<Object> secrets = fileRefs("secrets", ctx.secretNames);
        if (!secrets.isEmpty()) {
            c.put("Secrets", secrets);
        }
        List<Object> configs = fileRefs("configs", ctx.configNames);
        if (!configs.isEmpty()) {
            c.put("Configs", configs);
        }
        return c;
    }

    /**
     * env_file entries (read verbatim, {@link EnvFile}), then environment (which wins), as docker's
     * compose loader merges them ({@code resolveEnvironment}): a variable without a value or with an
     * empty one takes the value of the variable of that name when one is set, a name without value
     * stays a bare {@code NAME}; the {@code NAME=VALUE} strings are sorted as strings.
     */
    private List<String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Object envFiles = service.get("env_file");
        for (Object f : envFiles instanceof String ? List.of(envFiles) : v.list(envFiles, "env_file")) {
            String path = RepoPaths.resolve(ctx.directory, v.string(f, "env_file"), ctx.file + ": service '" + name + "'");
            for (String entry : EnvFile.parse(ctx.tree.read(path), path, ctx.lookup)) {
                int eq = entry.indexOf('=');
                putEnvironment(env, entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        v.keyValues(service.get("environment"), "environment").forEach((key, value) -> putEnvironment(env, key, value));
        List<String> out = new ArrayList<>();
        env.forEach((k, val) -> out.add(val == null ? k : k + "=" + val));
        out.sort(null);
        return out;
    }

    private void putEnvironment(Map<String, String> env, String key, String value) {
        String variable = ctx.lookup.apply(key);
        env.put(key, (value == null || value.isEmpty()) && variable != null ? variable : value);
    }

    private Map<String, Object> healthcheck(Map<String, Object> hc) {
        ComposeKeys.check(hc, ComposeKeys.HEALTHCHECK, ctx.file, "service '" + name + "' healthcheck");
        Map<String, Object> out = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(v.bool(hc.get("disable"), "healthcheck.disable"))) {
            out.put("Test", List.of("NONE"));
            return out;
        }
        Object test = hc.get("test");
        if (test instanceof String s) {
            out.put("Test", List.of("CMD-SHELL", s));
        } else if (test != null) {
            List<String> words = v.command(test, "healthcheck.test");
            if (words.isEmpty() || !List.of("CMD", "CMD-SHELL", "NONE").contains(words.get(0))) {
                throw v.error("healthcheck.test", "a list must start with CMD, CMD-SHELL or NONE");
            }
            out.put("Test", words);
        }
        // zero means "the default" to the daemon, which then stores nothing: leave zeros out so that the
        // desired spec is what the daemon keeps
        putIfPositive(out, "Interval", v.durationNanos(hc.get("interval"), "healthcheck.interval"));
        putIfPositive(out, "Timeout", v.durationNanos(hc.get("timeout"), "healthcheck.timeout"));
        putIfPositive(out, "StartPeriod", v.durationNanos(hc.get("start_period"), "healthcheck.start_period"));
        putIfPositive(out, "Retries", v.integer(hc.get("retries"), "healthcheck.retries"));
        return out;
    }

    private Map<String, Object> resources(Map<String, Object> resources) {
        ComposeKeys.check(resources, ComposeKeys.RESOURCES, ctx.file, "service '" + name + "' deploy.resources");
        Map<String, Object> out = new LinkedHashMap<>();
        for (String kind : List.of("limits", "reservations")) {
            Map<String, Object> r = v.map(resources.get(kind), "deploy.resources." + kind);
            ComposeKeys.check(r, kind.equals("limits") ? ComposeKeys.RESOURCE_LIMITS : ComposeKeys.RESOURCE_RESERVATIONS,
                    ctx.file, "service '" + name + "' deploy.resources." + kind);
            Map<String, Object> values = new LinkedHashMap<>();
            putIfNotNull(values, "NanoCPUs", v.nanoCpus(r.get("cpus"), "deploy.resources." + kind + ".cpus"));
            putIfNotNull(values, "MemoryBytes", v.bytes(r.get("memory"), "deploy.resources." + kind + ".memory"));
            putIfPositive(values, "Pids", v.integer(r.get("pids"), "deploy.resources." + kind + ".pids"));
            putIfNotEmpty(out, kind.equals("limits") ? "Limits" : "Reservations", values);
        }
        return out;
    }

    private Map<String, Object> restartPolicy(Map<String, Object> rp) {
        ComposeKeys.check(rp, ComposeKeys.RESTART_POLICY, ctx.file, "service '" + name + "' deploy.restart_policy");
        Map<String, Object> out = new LinkedHashMap<>();
        String condition = v.string(rp.get("condition"), "deploy.restart_policy.condition");
        if (condition != null && !List.of("none", "on-failure", "any").contains(condition)) {
            throw v.error("deploy.restart_policy.condition", "must be none, on-failure or any, not '" + condition + "'");
        }
        putIfNotNull(out, "Condition", condition);
        putIfNotNull(out, "Delay", v.durationNanos(rp.get("delay"), "deploy.restart_policy.delay"));
        putIfNotNull(out, "MaxAttempts", v.integer(rp.get("max_attempts"), "deploy.restart_policy.max_attempts"));
        putIfNotNull(out, "Window", v.durationNanos(rp.get("window"), "deploy.restart_policy.window"));
        return out;
    }

    private Map<String, Object> placement(Map<String, Object> p) {
        ComposeKeys.check(p, ComposeKeys.PLACEMENT, ctx.file, "service '" + name + "' deploy.placement");
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> constraints = v.list(p.get("constraints"), "deploy.placement.constraints").stream()
                .map(c -> v.string(c, "deploy.placement.constraints")).toList();
        if (!constraints.isEmpty()) {
            out.put("Constraints", constraints);
        }
        List<Object> preferences = new ArrayList<>();
        for (Object pref : v.list(p.get("preferences"), "deploy.placement.preferences")) {
            Map<String, Object> m = v.map(pref, "deploy.placement.preferences");
            ComposeKeys.check(m, java.util.Set.of("spread"), ctx.file, "service '" + name + "' deploy.placement.preferences");
            preferences.add(Map.of("Spread", Map.of("SpreadDescriptor", v.string(m.get("spread"), "spread"))));
        }
        if (!preferences.isEmpty()) {
            out.put("Preferences", preferences);
        }
        putIfNotNull(out, "MaxReplicas", v.integer(p.get("max_replicas_per_node"), "deploy.placement.max_replicas_per_node"));
        return out;
    }

    private List<Object> networks() {
        Object declared = service.get("networks");
        Map<String, Object> byName = new TreeMap<>();
        if (declared == null) {
            byName.put("default", null);
        } else if (declared instanceof List<?> list) {
            list.forEach(n -> byName.put(v.string(n, "networks"), null));
        } else {
            byName.putAll(v.map(declared, "networks"));
        }
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : byName.entrySet()) {
            String swarmName = ctx.networkNames.get(e.getKey());
            if (swarmName == null) {
                throw v.error("networks", "network '" + e.getKey() + "' is not declared under the top-level networks:");
            }
            Map<String, Object> opts = v.map(e.getValue(), "networks." + e.getKey());
            ComposeKeys.check(opts, ComposeKeys.SERVICE_NETWORK, ctx.file, "service '" + name + "' networks." + e.getKey());
            List<String> aliases = new ArrayList<>();
            aliases.add(name);
            v.list(opts.get("aliases"), "networks." + e.getKey() + ".aliases")
                    .forEach(a -> aliases.add(v.string(a, "aliases")));
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("Target", swarmName);
            attachment.put("Aliases", aliases);
            out.add(attachment);
        }
        // sorted by network name, as docker's convertServiceNetworks sorts them
        out.sort(Comparator.comparing(a -> String.valueOf(((Map<?, ?>) a).get("Target"))));
        return out;
    }

    private Map<String, Object> mode(Map<String, Object> deploy) {
        String mode = deploy.get("mode") == null ? "replicated" : v.string(deploy.get("mode"), "deploy.mode");
        Long replicas = v.integer(deploy.get("replicas"), "deploy.replicas");
        if (mode.equals("global")) {
            if (replicas != null) {
                throw v.error("deploy.replicas", "cannot be set with deploy.mode: global (one task runs on every node)");
            }
            return Map.of("Global", Map.of());
        }
        if (!mode.equals("replicated")) {
            throw v.error("deploy.mode", "must be replicated or global, not '" + mode + "'");
        }
        return Map.of("Replicated", Map.of("Replicas", replicas == null ? 1L : replicas));
    }

    private Map<String, Object> updateConfig(Map<String, Object> deploy, String key) {
        if (deploy.get(key) == null) {
            return Map.of();
        }
        Map<String, Object> uc = v.map(deploy.get(key), "deploy." + key);
        ComposeKeys.check(uc, ComposeKeys.UPDATE_CONFIG, ctx.file, "service '" + name + "' deploy." + key);
        String k = "deploy." + key + ".";
        Map<String, Object> out = new LinkedHashMap<>();
        Long parallelism = v.integer(uc.get("parallelism"), k + "parallelism");
        out.put("Parallelism", parallelism == null ? 1L : parallelism);
        Long delay = v.durationNanos(uc.get("delay"), k + "delay");
        if (delay != null && delay > 0) {
            out.put("Delay", delay);
        }
        String failureAction = v.string(uc.get("failure_action"), k + "failure_action");
        if (failureAction != null && !List.of("pause", "continue", "rollback").contains(failureAction)) {
            throw v.error(k + "failure_action", "must be pause, continue or rollback, not '" + failureAction + "'");
        }
        putIfNotNull(out, "FailureAction", failureAction);
        Long monitor = v.durationNanos(uc.get("monitor"), k + "monitor");
        if (monitor != null && monitor > 0) {
            out.put("Monitor", monitor);
        }
        if (uc.get("max_failure_ratio") != null) {
            BigDecimal ratio = new BigDecimal(v.string(uc.get("max_failure_ratio"), k + "max_failure_ratio"))
                    .stripTrailingZeros();
            out.put("MaxFailureRatio", ratio.scale() <= 0 ? (Object) ratio.longValue() : (Object) ratio.doubleValue());
        }
        String order = v.string(uc.get("order"), k + "order");
        if (order != null && !List.of("stop-first", "start-first").contains(order)) {
            throw v.error(k + "order", "must be stop-first or start-first, not '" + order + "'");
        }
        putIfNotNull(out, "Order", order);
        return out;
    }

    private Map<String, Object> endpointSpec(Map<String, Object> deploy) {
        Map<String, Object> out = new LinkedHashMap<>();
        String mode = deploy.get("endpoint_mode") == null ? "vip" : v.string(deploy.get("endpoint_mode"), "deploy.endpoint_mode");
        if (!List.of("vip", "dnsrr").contains(mode)) {
            throw v.error("deploy.endpoint_mode", "must be vip or dnsrr, not '" + mode + "'");
        }
        out.put("Mode", mode);
        List<Map<String, Object>> ports = new PortConverter(v, ctx.file, name, warnings).ports(v.list(service.get("ports"), "ports"));
        if (!ports.isEmpty()) {
            // docker's convertEndpointSpec sorts by published port (0 when none), keeping the file's order otherwise
            ports.sort(Comparator.comparingLong(
                    (Map<String, Object> p) -> p.get("PublishedPort") == null ? 0L : ((Number) p.get("PublishedPort")).longValue()));
            out.put("Ports", ports);
        }
        return out;
    }

    private List<Object> fileRefs(String key, Map<String, String> swarmNames) {
        List<Object> out = new ArrayList<>();
        String noun = key.substring(0, key.length() - 1);
        for (Object ref : v.list(service.get(key), key)) {
            Map<String, Object> r = ref instanceof Map ? v.map(ref, key) : Map.of("source", v.string(ref, key));
            ComposeKeys.check(r, ComposeKeys.FILE_REF, ctx.file, "service '" + name + "' " + key);
            String source = v.string(r.get("source"), key + ".source");
            String swarmName = source == null ? null : swarmNames.get(source);
            if (swarmName == null) {
                throw new InvalidInputException(ctx.file + ": service '" + name + "': " + noun + " '" + source
                        + "' is not declared under the top-level " + key + ":");
            }
            String target = v.string(r.get("target"), key + ".target");
            if (target == null) {
                // docker's convertServiceConfigObjs/convertServiceSecrets: the source name, relative
                // (the daemon mounts configs at /<name>, secrets at /run/secrets/<name>)
                target = source;
            }
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("Name", target);
            file.put("UID", r.get("uid") == null ? "0" : v.string(r.get("uid"), key + ".uid"));
            file.put("GID", r.get("gid") == null ? "0" : v.string(r.get("gid"), key + ".gid"));
            Long mode = v.fileMode(r.get("mode"), key + ".mode");
            file.put("Mode", mode == null ? 0444L : mode);
            Map<String, Object> out1 = new LinkedHashMap<>();
            out1.put("File", file);
            out1.put(key.equals("configs") ? "ConfigName" : "SecretName", swarmName);
            out.add(out1);
        }
        // sorted by name (stable), as docker's convertServiceConfigObjs and convertServiceSecrets sort them
        String nameKey = key.equals("configs") ? "ConfigName" : "SecretName";
        out.sort(Comparator.comparing(r -> String.valueOf(((Map<?, ?>) r).get(nameKey))));
        return out;
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void putIfPositive(Map<String, Object> map, String key, Long value) {
        if (value != null && value > 0) {
            map.put(key, value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, Map<String, Object> value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }
}
