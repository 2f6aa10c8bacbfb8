package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks between environments: the promotion chain ({@code promotesFrom}) names real
 * environments and has no cycle, and two environments never write to the same place.
 */
final class EnvironmentChecks {
    /** One environment as read: its settings (with lines) and, when complete, the resolved value. */
    record Parsed(String name, EnvironmentSettings settings, Environment environment) {
    }

    private final Map<String, Parsed> environments = new LinkedHashMap<>();
    private final Problems problems;

    EnvironmentChecks(List<Parsed> parsed, Problems problems) {
        parsed.forEach(p -> environments.put(p.name(), p));
        this.problems = problems;
    }

    void run() {
        boolean chainValid = checkPromotesFrom();
        if (chainValid) {
            checkCycles();
        }
        checkSharedTargets();
        checkNestedPaths();
        checkApprovers();
    }

    private static String path(String name, String key) {
        return "environments." + name + "." + key;
    }

    /** Each promotesFrom names another, known environment with a different folder. */
    private boolean checkPromotesFrom() {
        boolean valid = true;
        for (Parsed p : environments.values()) {
            String from = p.settings().promotesFrom;
            if (from == null) {
                continue;
            }
            int line = p.settings().promotesFromLine;
            if (from.equals(p.name())) {
                problems.error(line, path(p.name(), "promotesFrom"), "an environment cannot promote from itself;"
                        + " name the previous stage, or remove promotesFrom from the first stage");
                valid = false;
            } else if (!environments.containsKey(from)) {
                problems.error(line, path(p.name(), "promotesFrom"), "'" + Values.clip(from) + "' is not an environment"
                        + Suggestions.didYouMean(from, environments.keySet()) + "; known: "
                        + String.join(", ", environments.keySet()));
                valid = false;
            } else {
                String ownPath = p.settings().path;
                if (ownPath != null && ownPath.equals(environments.get(from).settings().path)) {
                    problems.error(line, path(p.name(), "promotesFrom"), "'" + from + "' uses the same path '" + ownPath
                            + "'; a promotion rewrites the target environment's folder, so each stage needs its own");
                }
            }
        }
        return valid;
    }

    /** promotesFrom links form chains (or trees), never loops. */
    private void checkCycles() {
        Set<String> reported = new HashSet<>();
        for (String start : environments.keySet()) {
            List<String> walk = new ArrayList<>();
            String current = start;
            while (current != null && !walk.contains(current)) {
                walk.add(current);
                current = environments.get(current).settings().promotesFrom;
            }
            if (current == null) {
                continue;
            }
            List<String> cycle = walk.subList(walk.indexOf(current), walk.size());
            if (reported.add(String.join(",", new TreeSet<>(cycle)))) {
                String first = environments.keySet().stream().filter(cycle::contains).findFirst().orElseThrow();
                List<String> links = new ArrayList<>();
                for (String name : rotate(cycle, first)) {
                    links.add(name + " promotes from " + environments.get(name).settings().promotesFrom);
                }
                problems.error(environments.get(first).settings().promotesFromLine, path(first, "promotesFrom"),
                        "promotion cycle: " + String.join(", ", links)
                                + "; the first stage of a promotion chain must not have promotesFrom");
            }
        }
    }

    private static List<String> rotate(List<String> cycle, String first) {
        int at = cycle.indexOf(first);
        List<String> rotated = new ArrayList<>(cycle.subList(at, cycle.size()));
        rotated.addAll(cycle.subList(0, at));
        return rotated;
    }

    /**
     * Two environments deploying to the same namespace or stack (same context) would overwrite
     * each other's objects, and with prune each sync deletes what the other deployed.
     */
    private void checkSharedTargets() {
        Map<String, Parsed> byTarget = new LinkedHashMap<>();
        for (Parsed p : environments.values()) {
            if (p.environment() == null) {
                continue;
            }
            TargetSpec target = p.environment().target();
            String key = target.type() + "|" + target.context() + "|"
                    + (target.type() == TargetSpec.Type.KUBERNETES ? target.namespace() : target.stack());
            Parsed other = byTarget.putIfAbsent(key, p);
            if (other == null) {
                continue;
            }
            String where = describe(target) + " as environment '" + other.name() + "'";
            String path = path(p.name(), "target");
            if (p.environment().prune() || other.environment().prune()) {
                problems.error(p.settings().targetLine, path, "deploys to the same " + where
                        + "; with prune, each sync would delete the other environment's objects."
                        + " Give each environment its own " + (target.type() == TargetSpec.Type.KUBERNETES ? "namespace" : "stack")
                        + ", or set a different context for each cluster or daemon");
            } else {
                problems.warn(p.settings().targetLine, path, "deploys to the same " + where
                        + "; unless they run on different clusters or daemons, they overwrite each other's objects."
                        + " Set a different context for each, or give each its own "
                        + (target.type() == TargetSpec.Type.KUBERNETES ? "namespace" : "stack"));
            }
        }
    }

    private static String describe(TargetSpec target) {
        String context = target.context() == null ? "the default context" : "context '" + target.context() + "'";
        return target.type() == TargetSpec.Type.KUBERNETES
                ? "Kubernetes namespace '" + target.namespace() + "' in " + context
                : "Swarm stack '" + target.stack() + "' in " + context;
    }

    /** An environment folder inside another's would end up in the other's render. */
    private void checkNestedPaths() {
        Set<String> pairs = new LinkedHashSet<>();
        for (Parsed inner : environments.values()) {
            for (Parsed outer : environments.values()) {
                String in = inner.settings().path;
                String out = outer.settings().path;
                if (in != null && out != null && in.startsWith(out + "/") && pairs.add(inner.name() + "|" + outer.name())) {
                    problems.warn(inner.settings().pathLine, path(inner.name(), "path"), "folder '" + in
                            + "' is inside the folder of environment '" + outer.name() + "' ('" + out + "');"
                            + " keep environment folders side by side so that one environment's files are not read as another's");
                }
            }
        }
    }

    /** approvers set on an environment that does not ask for approval have no effect. */
    private void checkApprovers() {
        for (Parsed p : environments.values()) {
            if (p.settings().approvers != null && p.environment() != null
                    && p.environment().sync() != SyncPolicy.APPROVAL && !p.settings().approvers.isEmpty()) {
                problems.warn(p.settings().approversLine, path(p.name(), "approvers"), "approvers only matter with"
                        + " sync: approval; this environment has sync: " + p.environment().sync().yamlName());
            }
        }
    }
}
