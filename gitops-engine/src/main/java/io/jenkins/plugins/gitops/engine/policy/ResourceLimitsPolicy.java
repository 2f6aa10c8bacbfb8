package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * resource-limits: every container and init container sets a CPU and a memory limit, so that one
 * workload cannot starve its neighbours. Swarm: {@code deploy.resources.limits.cpus} and
 * {@code .memory} (NanoCPUs and MemoryBytes in the service spec).
 */
final class ResourceLimitsPolicy implements Policy {
    static final String NAME = "resource-limits";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Violation> check(Resource resource, PolicyRule rule) {
        List<Violation> out = new ArrayList<>();
        if (Workloads.isSwarmService(resource)) {
            Map<String, Object> limits = Workloads.map(Manifests.get(Workloads.swarmTaskTemplate(resource), "Resources",
                    "Limits"));
            if (!positive(limits.get("NanoCPUs"))) {
                out.add(Violation.of(rule, resource, "has no deploy.resources.limits.cpus"));
            }
            if (!positive(limits.get("MemoryBytes"))) {
                out.add(Violation.of(rule, resource, "has no deploy.resources.limits.memory"));
            }
            return out;
        }
        for (Workloads.Container c : Workloads.containers(resource)) {
            Map<String, Object> limits = Workloads.map(Manifests.get(c.spec(), "resources", "limits"));
            for (String name : List.of("cpu", "memory")) {
                Object value = limits.get(name);
                if (value == null || String.valueOf(value).isBlank()) {
                    out.add(Violation.of(rule, resource, c, "has no resources.limits." + name));
                }
            }
        }
        return out;
    }

    private static boolean positive(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() > 0;
        }
        return value != null && String.valueOf(value).matches("\\d+") && !String.valueOf(value).matches("0+");
    }
}
