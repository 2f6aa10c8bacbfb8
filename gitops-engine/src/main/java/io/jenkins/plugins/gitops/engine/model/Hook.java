package io.jenkins.plugins.gitops.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the hook annotations of an object say, read as Argo CD's gitops-engine reads them
 * ({@code pkg/sync/hook/hook.go}, {@code hook/helm/type.go}, {@code hook/delete_policy.go}):
 * <ul>
 * <li>{@code argocd.argoproj.io/hook}: comma-separated {@code PreSync}, {@code Sync}, {@code PostSync},
 * {@code SyncFail}, {@code Skip}; when present, Helm's annotation is ignored. {@code Skip} alone means the
 * object is not applied at all.</li>
 * <li>otherwise {@code helm.sh/hook}: {@code pre-install}/{@code pre-upgrade} are PreSync hooks,
 * {@code post-install}/{@code post-upgrade} PostSync hooks; {@code crd-install} is no hook (an ordinary
 * object); {@code test}, {@code test-success}, {@code test-failure} and the delete/rollback hooks have no sync
 * phase, so the object is skipped.</li>
 * <li>delete policies: {@code argocd.argoproj.io/hook-delete-policy} ({@code HookSucceeded}, {@code HookFailed},
 * {@code BeforeHookCreation}) plus {@code helm.sh/hook-delete-policy} ({@code hook-succeeded},
 * {@code hook-failed}, {@code before-hook-creation}); none given means {@code BeforeHookCreation}.</li>
 * </ul>
 *
 * @param kind           ordinary object, hook, or skipped (not applied)
 * @param phases         the phases a hook runs in (empty unless {@link Kind#HOOK}), in phase order
 * @param deletePolicies when the hook object is deleted (empty unless {@link Kind#HOOK})
 * @param note           why a skipped object is skipped, or which annotation values were ignored; "" if nothing
 */
public record Hook(Kind kind, List<Phase> phases, List<DeletePolicy> deletePolicies, String note) {
    public Hook {
        phases = List.copyOf(phases);
        deletePolicies = List.copyOf(deletePolicies);
    }

    public enum Kind { ORDINARY, HOOK, SKIPPED }

    /** Sync phases, in the order a sync runs them ({@code SyncFail} only when the sync failed). */
    public enum Phase {
        PRE_SYNC("PreSync"), SYNC("Sync"), POST_SYNC("PostSync"), SYNC_FAIL("SyncFail");

        private final String annotationValue;

        Phase(String annotationValue) {
            this.annotationValue = annotationValue;
        }

        /** As written in {@code argocd.argoproj.io/hook}. */
        public String displayName() {
            return annotationValue;
        }
    }

    public enum DeletePolicy {
        HOOK_SUCCEEDED("HookSucceeded", "hook-succeeded"), HOOK_FAILED("HookFailed", "hook-failed"),
        BEFORE_HOOK_CREATION("BeforeHookCreation", "before-hook-creation");

        private final String argo;
        private final String helm;

        DeletePolicy(String argo, String helm) {
            this.argo = argo;
            this.helm = helm;
        }

        public String displayName() {
            return argo;
        }
    }

    /** Argo CD's hook annotation. */
    public static final String ARGOCD_HOOK = "argocd.argoproj.io/hook";
    /** Argo CD's hook delete policy annotation. */
    public static final String ARGOCD_HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";
    /** Helm's hook annotation. */
    public static final String HELM_HOOK = "helm.sh/hook";
    /** Helm's hook weight: the wave of an object without a sync-wave annotation (as Argo CD reads it). */
    public static final String HELM_HOOK_WEIGHT = "helm.sh/hook-weight";
    /** Helm's hook delete policy annotation. */
    public static final String HELM_HOOK_DELETE_POLICY = "helm.sh/hook-delete-policy";

    private static final Hook ORDINARY = new Hook(Kind.ORDINARY, List.of(), List.of(), "");

    /** Reads the annotations of an object (a manifest's {@code metadata.annotations}). */
    public static Hook of(Map<String, String> annotations) {
        String argo = annotations.get(ARGOCD_HOOK);
        if (argo != null) {
            return argo(argo, annotations);
        }
        String helm = annotations.get(HELM_HOOK);
        if (helm == null || helm.strip().equals("crd-install")) {
            return ORDINARY;
        }
        return helm(helm, annotations);
    }

    /** Whether the object is a hook or skipped: never an ordinary object of the desired state, never pruned. */
    public boolean isHookAnnotated() {
        return kind != Kind.ORDINARY;
    }

    public boolean runsIn(Phase phase) {
        return phases.contains(phase);
    }

    public boolean has(DeletePolicy policy) {
        return deletePolicies.contains(policy);
    }

    private static Hook argo(String value, Map<String, String> annotations) {
        List<String> values = csv(value);
        Set<Phase> phases = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        boolean skip = false;
        for (String v : values) {
            switch (v) {
                case "PreSync" -> phases.add(Phase.PRE_SYNC);
                case "Sync" -> phases.add(Phase.SYNC);
                case "PostSync" -> phases.add(Phase.POST_SYNC);
                case "SyncFail" -> phases.add(Phase.SYNC_FAIL);
                case "Skip" -> skip = true;
                default -> unknown.add(v);
            }
        }
        if (skip && values.size() == 1) {
            return new Hook(Kind.SKIPPED, List.of(), List.of(), ARGOCD_HOOK + ": Skip: not applied");
        }
        return hook(phases, annotations, unknown.isEmpty() ? "" : ARGOCD_HOOK + " values " + unknown
                + " are not PreSync, Sync, PostSync, SyncFail or Skip and are ignored, as Argo CD ignores them");
    }

    private static Hook helm(String value, Map<String, String> annotations) {
        Set<Phase> phases = new LinkedHashSet<>();
        List<String> unmapped = new ArrayList<>();
        for (String v : csv(value)) {
            switch (v) {
                case "pre-install", "pre-upgrade" -> phases.add(Phase.PRE_SYNC);
                case "post-install", "post-upgrade" -> phases.add(Phase.POST_SYNC);
                default -> unmapped.add(v);
            }
        }
        String note = unmapped.isEmpty() ? "" : HELM_HOOK + ": " + String.join(",", unmapped)
                + (unmapped.stream().anyMatch(v -> v.startsWith("test")) ? ": Helm test hooks are not run by a sync"
                        : ": no sync phase (a sync never deletes or rolls back a release), as in Argo CD");
        return hook(phases, annotations, note);
    }

    private static Hook hook(Set<Phase> phases, Map<String, String> annotations, String note) {
        if (phases.isEmpty()) {
            return new Hook(Kind.SKIPPED, List.of(), List.of(), note.isEmpty() ? "hook without a sync phase" : note);
        }
        Set<DeletePolicy> policies = new LinkedHashSet<>();
        for (String v : csv(annotations.getOrDefault(ARGOCD_HOOK_DELETE_POLICY, ""))) {
            for (DeletePolicy p : DeletePolicy.values()) {
                if (p.argo.equals(v)) {
                    policies.add(p);
                }
            }
        }
        for (String v : csv(annotations.getOrDefault(HELM_HOOK_DELETE_POLICY, ""))) {
            for (DeletePolicy p : DeletePolicy.values()) {
                if (p.helm.equals(v)) {
                    policies.add(p);
                }
            }
        }
        if (policies.isEmpty()) {
            policies.add(DeletePolicy.BEFORE_HOOK_CREATION);
        }
        List<Phase> ordered = new ArrayList<>(phases);
        ordered.sort(null);
        return new Hook(Kind.HOOK, ordered, List.copyOf(policies), note);
    }

    private static List<String> csv(String value) {
        List<String> out = new ArrayList<>();
        for (String item : value.split(",")) {
            String v = item.strip();
            if (!v.isEmpty() && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** {@code PreSync,PostSync}: the phases as annotation text. */
    public String describePhases() {
        return String.join(",", phases.stream().map(Phase::displayName).toList());
    }
}
