package io.jenkins.plugins.gitops.engine.render.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The service keys that map one to one onto ContainerSpec and TaskSpec fields, converted as docker's
 * {@code cli/compose/convert/service.go} converts them: {@code cap_add}/{@code cap_drop}
 * ({@code opts.EffectiveCapAddCapDrop}: upper case, {@code CAP_} prefix, sorted, an added capability
 * is not dropped, {@code ALL} wins), {@code sysctls}, {@code ulimits} (sorted by name; one number sets
 * soft and hard), {@code extra_hosts} ({@code HOST:IP} to {@code "IP HOST"}), {@code dns},
 * {@code dns_search}, {@code stdin_open}, {@code isolation}, {@code logging} and {@code restart}.
 */
final class ContainerOptions {
    private final Map<String, Object> service;
    private final ComposeValues v;
    private final String where;
    private final List<String> warnings;

    ContainerOptions(Map<String, Object> service, ComposeValues v, String where, List<String> warnings) {
        this.service = service;
        this.v = v;
        this.where = where;
        this.warnings = warnings;
    }

    /** Adds the ContainerSpec fields these keys give. */
    void addTo(Map<String, Object> container) {
        Map<String, Boolean> add = capabilities("cap_add");
        Map<String, Boolean> drop = capabilities("cap_drop");
        if (add.containsKey("ALL")) {
            add = Map.of("ALL", true);
        }
        if (drop.containsKey("ALL")) {
            drop = Map.of("ALL", true);
        }
        TreeSet<String> capAdd = new TreeSet<>(add.keySet());
        TreeSet<String> capDrop = new TreeSet<>(drop.keySet());
        capDrop.removeAll(capAdd);
        capAdd.remove("RESET");
        capDrop.remove("RESET");
        if (!capAdd.isEmpty()) {
            container.put("CapabilityAdd", new ArrayList<>(capAdd));
        }
        if (!capDrop.isEmpty()) {
            container.put("CapabilityDrop", new ArrayList<>(capDrop));
        }
        if (service.get("sysctls") != null) {
            Map<String, Object> sysctls = new TreeMap<>();
            v.keyValues(service.get("sysctls"), "sysctls").forEach((k, val) -> sysctls.put(k, val == null ? "" : val));
            container.put("Sysctls", sysctls);
        }
        List<Object> ulimits = ulimits();
        if (!ulimits.isEmpty()) {
            container.put("Ulimits", ulimits);
        }
        List<String> hosts = hosts();
        if (!hosts.isEmpty()) {
            container.put("Hosts", hosts);
        }
        if (service.get("dns") != null || service.get("dns_search") != null) {
            Map<String, Object> dns = new LinkedHashMap<>();
            List<String> servers = stringOrList("dns");
            List<String> search = stringOrList("dns_search");
            if (!servers.isEmpty()) {
                dns.put("Nameservers", servers);
            }
            if (!search.isEmpty()) {
                dns.put("Search", search);
            }
            container.put("DNSConfig", dns);
        }
        if (Boolean.TRUE.equals(v.bool(service.get("stdin_open"), "stdin_open"))) {
            container.put("OpenStdin", true);
        }
        String isolation = v.string(service.get("isolation"), "isolation");
        if (isolation != null && !isolation.isEmpty()) {
            container.put("Isolation", isolation);
        }
    }

    /** TaskSpec.LogDriver from {@code logging}, or null. */
    Map<String, Object> logDriver() {
        if (service.get("logging") == null) {
            return null;
        }
        Map<String, Object> logging = v.map(service.get("logging"), "logging");
        ComposeKeys.check(logging, ComposeKeys.LOGGING, v.file(), where + " logging");
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("Name", logging.get("driver") == null ? "" : v.string(logging.get("driver"), "logging.driver"));
        if (logging.get("options") != null) {
            driver.put("Options", new TreeMap<>(v.keyValues(logging.get("options"), "logging.options")));
        }
        return driver;
    }

    /**
     * TaskSpec.RestartPolicy from the container-style {@code restart:} (used only without
     * {@code deploy.restart_policy}), as docker's {@code convertRestartPolicy}: {@code no} sets none,
     * {@code always} and {@code unless-stopped} restart on any exit, {@code on-failure[:N]} on failure
     * at most N times.
     */
    Map<String, Object> restartPolicy() {
        String restart = v.string(service.get("restart"), "restart");
        if (restart == null || restart.isEmpty() || restart.equals("no")) {
            return Map.of();
        }
        String[] parts = restart.split(":", -1);
        Map<String, Object> out = new LinkedHashMap<>();
        switch (parts[0]) {
            case "always", "unless-stopped" -> {
                if (parts.length > 1) {
                    throw v.error("restart", "a maximum retry count cannot be used with restart policy '" + parts[0] + "'");
                }
                out.put("Condition", "any");
            }
            case "on-failure" -> {
                if (parts.length > 2) {
                    throw v.error("restart", "'" + restart + "' is not on-failure[:max-retries]");
                }
                out.put("Condition", "on-failure");
                out.put("MaxAttempts", parts.length == 2 ? v.integer(parts[1], "restart") : 0L);
            }
            default -> throw v.error("restart", "must be no, always, unless-stopped or on-failure[:max-retries], not '"
                    + restart + "'");
        }
        return out;
    }

    private Map<String, Boolean> capabilities(String key) {
        Map<String, Boolean> caps = new LinkedHashMap<>();
        for (Object c : v.list(service.get(key), key)) {
            String cap = v.string(c, key).strip().toUpperCase(Locale.ROOT);
            if (!cap.equals("ALL") && !cap.equals("RESET") && !cap.startsWith("CAP_")) {
                cap = "CAP_" + cap;
            }
            caps.put(cap, true);
        }
        return caps;
    }

    private List<Object> ulimits() {
        Map<String, Object> limits = new TreeMap<>(v.map(service.get("ulimits"), "ulimits"));
        List<Object> out = new ArrayList<>();
        limits.forEach((name, value) -> {
            Map<String, Object> ulimit = new LinkedHashMap<>();
            ulimit.put("Name", name);
            if (value instanceof Map) {
                Map<String, Object> sh = v.map(value, "ulimits." + name);
                ComposeKeys.check(sh, ComposeKeys.ULIMIT, v.file(), where + " ulimits." + name);
                ulimit.put("Soft", orZero(v.integer(sh.get("soft"), "ulimits." + name + ".soft")));
                ulimit.put("Hard", orZero(v.integer(sh.get("hard"), "ulimits." + name + ".hard")));
            } else {
                long single = orZero(v.integer(value, "ulimits." + name));
                ulimit.put("Soft", single);
                ulimit.put("Hard", single);
            }
            out.add(ulimit);
        });
        return out;
    }

    private List<String> hosts() {
        Object declared = service.get("extra_hosts");
        List<String> entries = new ArrayList<>();
        if (declared instanceof Map<?, ?>) {
            v.keyValues(declared, "extra_hosts").forEach((host, ip) -> entries.add(host + ":" + (ip == null ? "" : ip)));
        } else {
            v.list(declared, "extra_hosts").forEach(e -> entries.add(v.string(e, "extra_hosts")));
        }
        List<String> out = new ArrayList<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                warnings.add(v.file() + ": " + where + ": extra_hosts entry '" + entry + "' is left out, as docker stack"
                        + " deploy leaves it out: write HOST:IP");
                continue;
            }
            out.add(entry.substring(colon + 1) + " " + entry.substring(0, colon));
        }
        return out;
    }

    private List<String> stringOrList(String key) {
        Object value = service.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            return List.of(v.string(value, key));
        }
        return v.list(value, key).stream().map(x -> v.string(x, key)).toList();
    }

    private static long orZero(Long value) {
        return value == null ? 0L : value;
    }
}
