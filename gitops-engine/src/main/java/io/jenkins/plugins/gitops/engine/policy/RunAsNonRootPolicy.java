package io.jenkins.plugins.gitops.engine.policy;

import io.jenkins.plugins.gitops.engine.model.PolicyRule;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * run-as-non-root: every container runs with {@code runAsNonRoot: true} and a {@code runAsUser} above
 * 1000 (uids up to 1000 are system and login users on most images). A container's securityContext
 * overrides the pod's. Swarm has no runAsNonRoot: the service's {@code user:} must be such a uid.
 */
final class RunAsNonRootPolicy implements Policy {
    static final String NAME = "run-as-non-root";
    static final long MIN_UID_EXCLUSIVE = 1000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Violation> check(Resource resource, PolicyRule rule) {
        if (Workloads.isSwarmService(resource)) {
            String problem = swarmProblem(Workloads.swarmContainerSpec(resource).get("User"));
            return problem == null ? List.of() : List.of(Violation.of(rule, resource, problem));
        }
        Map<String, Object> pod = Workloads.podSecurityContext(resource);
        List<Violation> out = new ArrayList<>();
        for (Workloads.Container c : Workloads.containers(resource)) {
            Map<String, Object> own = Workloads.map(c.spec().get("securityContext"));
            Object nonRoot = own.containsKey("runAsNonRoot") ? own.get("runAsNonRoot") : pod.get("runAsNonRoot");
            Object user = own.containsKey("runAsUser") ? own.get("runAsUser") : pod.get("runAsUser");
            if (!"true".equals(String.valueOf(nonRoot))) {
                out.add(Violation.of(rule, resource, c, "does not set securityContext.runAsNonRoot: true"));
            }
            String uidProblem = uidProblem(user, "securityContext.runAsUser");
            if (uidProblem != null) {
                out.add(Violation.of(rule, resource, c, uidProblem));
            }
        }
        return out;
    }

    private static String swarmProblem(Object user) {
        if (user == null || String.valueOf(user).isBlank()) {
            return "sets no user (set user: to a uid above " + MIN_UID_EXCLUSIVE + ")";
        }
        String uid = String.valueOf(user).split(":", 2)[0];
        if (!uid.matches("\\d{1,18}")) {
            return "runs as user '" + uid + "', which is not a numeric uid (set user: to a uid above "
                    + MIN_UID_EXCLUSIVE + ")";
        }
        return Long.parseLong(uid) > MIN_UID_EXCLUSIVE ? null
                : "runs as uid " + uid + " (set user: to a uid above " + MIN_UID_EXCLUSIVE + ")";
    }

    private static String uidProblem(Object user, String field) {
        if (user == null) {
            return "sets no " + field + " (needs a uid above " + MIN_UID_EXCLUSIVE + ")";
        }
        String text = String.valueOf(user);
        if (!text.matches("\\d{1,18}")) {
            return "has " + field + " '" + text + "', which is not a uid";
        }
        return Long.parseLong(text) > MIN_UID_EXCLUSIVE ? null
                : "runs as uid " + text + " (" + field + " must be above " + MIN_UID_EXCLUSIVE + ")";
    }
}
