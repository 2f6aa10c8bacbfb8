package io.jenkins.plugins.gitops.engine.render.compose;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which compose keys the Swarm renderer understands. Unknown keys are an error naming the key (never
 * silently dropped); keys that {@code docker stack deploy} itself ignores give a warning; keys it
 * refuses are an error with the fix. {@code x-} extension keys are allowed everywhere.
 */
final class ComposeKeys {
    static final Set<String> TOP = Set.of("version", "name", "services", "networks", "volumes", "configs", "secrets");
    static final Set<String> SERVICE = Set.of("image", "command", "entrypoint", "environment", "env_file", "labels",
            "ports", "networks", "volumes", "secrets", "configs", "healthcheck", "deploy", "user", "working_dir",
            "hostname", "stop_grace_period", "stop_signal", "init", "read_only", "tty", "restart", "cap_add",
            "cap_drop", "stdin_open", "sysctls", "ulimits", "extra_hosts", "dns", "dns_search", "logging",
            "isolation");
    /**
     * Ignored by {@code docker stack deploy}: its {@code UnsupportedProperties} and
     * {@code DeprecatedProperties} (cli/compose/types/types.go; it warns about them), plus keys its
     * converter never reads ({@code depends_on}, {@code tmpfs}). {@code restart} is on docker's list
     * but converted into a restart policy all the same, so it is in {@link #SERVICE}.
     */
    static final Map<String, String> SERVICE_IGNORED = Map.ofEntries(
            Map.entry("build", "Swarm runs images; build and push the image first"),
            Map.entry("cgroupns_mode", "not supported by Swarm services"),
            Map.entry("cgroup_parent", "not supported by Swarm services"),
            Map.entry("devices", "not supported by Swarm services"),
            Map.entry("domainname", "not supported by Swarm services"),
            Map.entry("external_links", "not supported by Swarm services"),
            Map.entry("ipc", "not supported by Swarm services"),
            Map.entry("links", "services on the same network reach each other by name"),
            Map.entry("mac_address", "not supported by Swarm services"),
            Map.entry("network_mode", "not supported by Swarm services"),
            Map.entry("pid", "not supported by Swarm services"),
            Map.entry("privileged", "not supported by Swarm services"),
            Map.entry("security_opt", "not supported by Swarm services"),
            Map.entry("shm_size", "not supported by Swarm services"),
            Map.entry("userns_mode", "not supported by Swarm services"),
            Map.entry("container_name", "setting the container name is not supported"),
            Map.entry("expose", "exposing ports is unnecessary: services on the same network can access each"
                    + " other's containers on any port"),
            Map.entry("depends_on", "Swarm starts services in no particular order"),
            Map.entry("tmpfs", "use a volumes: entry of type: tmpfs"));
    /** Refused by {@code docker stack deploy}: the fix for each. */
    static final Map<String, String> SERVICE_FORBIDDEN = Map.of(
            "extends", "inline the extended service",
            "volume_driver", "declare the driver on the top-level volume",
            "volumes_from", "declare a shared named volume",
            "cpu_quota", "use deploy.resources.limits.cpus",
            "cpu_shares", "use deploy.resources.reservations.cpus",
            "cpuset", "use deploy.resources",
            "mem_limit", "use deploy.resources.limits.memory",
            "memswap_limit", "use deploy.resources.limits.memory");
    static final Set<String> DEPLOY = Set.of("mode", "replicas", "resources", "placement", "restart_policy",
            "update_config", "rollback_config", "labels", "endpoint_mode");
    static final Set<String> RESOURCES = Set.of("limits", "reservations");
    static final Set<String> RESOURCE_LIMITS = Set.of("cpus", "memory", "pids");
    static final Set<String> RESOURCE_RESERVATIONS = Set.of("cpus", "memory");
    static final Set<String> PLACEMENT = Set.of("constraints", "preferences", "max_replicas_per_node");
    static final Set<String> RESTART_POLICY = Set.of("condition", "delay", "max_attempts", "window");
    static final Set<String> UPDATE_CONFIG = Set.of("parallelism", "delay", "failure_action", "monitor",
            "max_failure_ratio", "order");
    static final Set<String> HEALTHCHECK = Set.of("test", "interval", "timeout", "retries", "start_period", "disable");
    static final Set<String> PORT = Set.of("target", "published", "protocol", "mode");
    static final Set<String> MOUNT = Set.of("type", "source", "target", "read_only", "volume", "bind", "tmpfs");
    static final Set<String> FILE_REF = Set.of("source", "target", "uid", "gid", "mode");
    static final Set<String> SERVICE_NETWORK = Set.of("aliases");
    static final Set<String> NETWORK = Set.of("driver", "driver_opts", "attachable", "internal", "labels", "external",
            "name", "ipam");
    static final Set<String> IPAM = Set.of("driver", "config");
    static final Set<String> IPAM_CONFIG = Set.of("subnet");
    static final Set<String> LOGGING = Set.of("driver", "options");
    static final Set<String> ULIMIT = Set.of("soft", "hard");
    static final Set<String> VOLUME = Set.of("driver", "driver_opts", "labels", "external", "name");
    static final Set<String> FILE_OBJECT = Set.of("file", "external", "name", "labels");

    private ComposeKeys() {
    }

    /** Fails on the first unknown key of a mapping; {@code where} is {@code service 'web' deploy} style. */
    static void check(Map<String, Object> map, Set<String> allowed, String file, String where) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key) && !key.startsWith("x-")) {
                throw new InvalidInputException(file + ": " + where + ": unsupported key '" + key
                        + "' (supported: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** Checks a service's keys; returns warnings for keys Swarm ignores. */
    static List<String> checkService(Map<String, Object> service, String file, String name) {
        List<String> warnings = new java.util.ArrayList<>();
        for (String key : service.keySet()) {
            if (SERVICE.contains(key) || key.startsWith("x-")) {
                continue;
            }
            if (SERVICE_IGNORED.containsKey(key)) {
                warnings.add(file + ": service '" + name + "': key '" + key
                        + "' is ignored, as docker stack deploy ignores it (" + SERVICE_IGNORED.get(key) + ")");
            } else if (SERVICE_FORBIDDEN.containsKey(key)) {
                throw new InvalidInputException(file + ": service '" + name + "': key '" + key
                        + "' is not supported by Docker Swarm; " + SERVICE_FORBIDDEN.get(key));
            } else {
                throw new InvalidInputException(file + ": service '" + name + "': unsupported key '" + key + "'"
                        + " (supported: " + String.join(", ", SERVICE.stream().sorted().toList()) + ")");
            }
        }
        return warnings;
    }
}
