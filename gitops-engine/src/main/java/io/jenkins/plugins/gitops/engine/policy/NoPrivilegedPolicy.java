package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * no-privileged: no container runs privileged or may gain more privileges than its process has
 * ({@code securityContext.privileged} or {@code allowPrivilegeEscalation} true). Swarm services
 * cannot run privileged; there the equivalents are checked: adding the ALL or SYS_ADMIN capability
 * ({@code cap_add}), an unconfined seccomp profile or disabled AppArmor ({@code Privileges}).
 */
final class NoPrivilegedPolicy implements Policy {
    static final String NAME = "no-privileged";
    private static final Set<String> PRIVILEGED_CAPABILITIES = Set.of("ALL", "SYS_ADMIN", "CAP_ALL", "CAP_SYS_ADMIN");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Violation> check(Resource resource, PolicyRule rule) {
        List<Violation> out = new ArrayList<>();
        if (Workloads.isSwarmService(resource)) {
            Map<String, Object> spec = Workloads.swarmContainerSpec(resource);
            if (spec.get("CapabilityAdd") instanceof List<?> caps) {
                caps.stream().map(c -> String.valueOf(c).toUpperCase(Locale.ROOT)).filter(PRIVILEGED_CAPABILITIES::contains)
                        .forEach(c -> out.add(Violation.of(rule, resource, "adds capability " + c + " (cap_add)")));
            }
            if ("unconfined".equals(Manifests.string(spec, "Privileges", "Seccomp", "Mode"))) {
                out.add(Violation.of(rule, resource, "runs with seccomp unconfined (security_opt)"));
            }
            if ("disabled".equals(Manifests.string(spec, "Privileges", "AppArmor", "Mode"))) {
                out.add(Violation.of(rule, resource, "runs with AppArmor disabled (security_opt)"));
            }
            return out;
        }
        for (Workloads.Container c : Workloads.containers(resource)) {
            Map<String, Object> sc = Workloads.map(c.spec().get("securityContext"));
            if (isTrue(sc.get("privileged"))) {
                out.add(Violation.of(rule, resource, c, "runs privileged (securityContext.privileged: true)"));
            }
            if (isTrue(sc.get("allowPrivilegeEscalation"))) {
                out.add(Violation.of(rule, resource, c,
                        "allows privilege escalation (securityContext.allowPrivilegeEscalation: true)"));
            }
        }
        return out;
    }

    private static boolean isTrue(Object value) {
        return value != null && String.valueOf(value).equalsIgnoreCase("true");
    }
}
