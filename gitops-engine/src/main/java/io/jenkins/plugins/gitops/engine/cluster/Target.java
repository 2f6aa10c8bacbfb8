package io.jenkins.plugins.gitops.engine.cluster;

import io.jenkins.plugins.gitops.engine.health.Health;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an environment runs: a Kubernetes namespace/cluster or a Docker Swarm stack. The sync
 * planner and executor only talk to this interface. Every method that writes is only called after
 * {@link #prepare} and {@link #validate} succeeded for the whole desired state.
 */
public interface Target extends AutoCloseable {

    /** Human description for logs: {@code Kubernetes https://api:6443 namespace docs-dev}. */
    String describe();

    /**
     * Turns rendered objects into what will be written: default namespace, managed-by and environment
     * labels, target-specific normalisation (Swarm: stack prefix, content-hashed config names). Pure:
     * no API call.
     */
    DesiredState prepare(DesiredState rendered);

    /**
     * Checks with read-only calls that every prepared object can be applied (kind served by the API
     * or defined by a CRD in the same state, namespace scope right). Throws
     * {@link io.jenkins.plugins.gitops.engine.InvalidInputException} listing every problem.
     */
    void validate(DesiredState prepared);

    /**
     * The managed live objects of this environment, keyed: one list call per kind, for the kinds of
     * the desired state and those the target remembers having managed (so prune finds them).
     */
    Map<ResourceKey, Resource> live(DesiredState prepared);

    /**
     * The live objects at these keys whatever their labels (another owner's, or nobody's), so the
     * planner can refuse to overwrite another owner's object before the first write. Called only for
     * desired keys that {@link #live} did not return, that is for objects about to be created; read-only.
     */
    default Map<ResourceKey, Resource> existing(java.util.Collection<ResourceKey> keys) {
        Map<ResourceKey, Resource> found = new java.util.LinkedHashMap<>();
        for (ResourceKey key : keys) {
            get(key).ifPresent(r -> found.put(key, r));
        }
        return found;
    }

    /**
     * Whether objects of this key live in a place that belongs to the environment alone (a Kubernetes
     * namespace, a Swarm stack), so that one there labelled with the environment's name before owners
     * were recorded was made by this environment and may be pruned. Cluster-scoped Kubernetes objects
     * carry nothing but the environment name, which another repository may share: not scoped.
     */
    default boolean isScoped(ResourceKey key) {
        return key.isNamespaced();
    }

    /** Rank of a kind in apply order (namespaces first, ingress last); deletes run in reverse. */
    int applyRank(ResourceKey key);

    /** Creates an absent object; returns the live object as the target stored it. */
    Resource create(Resource desired);

    /** Brings an existing object to the desired state (a patch, never a blind replace). */
    Resource update(Resource desired, Resource live);

    void delete(Resource live);

    /**
     * Sends {@link #create} of this object as a server-side dry run: the server decodes, validates and
     * admits it without storing anything (Kubernetes {@code dryRun=All}). Returns whether the server
     * checked it: false where the target has no server-side dry run (the default) or the object cannot be
     * checked before earlier writes of the same sync (its namespace or CRD is created by it). Throws
     * {@link io.jenkins.plugins.gitops.engine.InvalidInputException} naming the object when the server
     * refuses it as invalid, {@link TargetException} for other failures.
     */
    default boolean dryRunCreate(Resource desired) {
        return false;
    }

    /** {@link #update} as a server-side dry run; as {@link #dryRunCreate}. */
    default boolean dryRunUpdate(Resource desired, Resource live) {
        return false;
    }

    /** Re-reads one object (for health waits); empty if it does not exist. */
    Optional<Resource> get(ResourceKey key);

    /** Health of a live object. */
    Health health(Resource live);

    /**
     * What the cluster serves, for renderers (Helm's {@code .Capabilities}, kustomize's scope of kinds):
     * Kubernetes asks API discovery ({@code /version}, {@code /api}, {@code /apis}; cached); targets
     * without such an API (Swarm) answer {@link ClusterCapabilities#offline()}. Read-only. Throws
     * {@link TargetException} (retryable) when the cluster cannot be asked.
     */
    default ClusterCapabilities capabilities() {
        return ClusterCapabilities.offline();
    }

    /**
     * Called once after a successful sync with the objects now managed (Kubernetes: inventory of
     * kinds for future prunes; Swarm: removal of superseded config/secret versions).
     */
    default void afterSync(DesiredState prepared, List<Resource> applied) {
    }

    /**
     * What Git set on this object at the last apply, if the target keeps it (Kubernetes: an
     * annotation), so that a field removed from Git counts as a difference. Secret values hashed.
     */
    default java.util.Map<String, Object> lastApplied(Resource live) {
        return null;
    }

    /** Field paths the server fills in or owns and that never count as drift for this kind. */
    default List<String> serverOwnedPointers(ResourceKey key) {
        return List.of();
    }

    /**
     * Where this target keeps deployment records, so they survive the loss of any CI server
     * (Kubernetes: a ConfigMap in the environment namespace). Null: the caller's fallback store.
     */
    default io.jenkins.plugins.gitops.engine.history.HistoryStore historyStore() {
        return null;
    }

    /**
     * The target's lock, so that two agents or a Jenkins controller and an agent never run two
     * operations on one environment at once (Kubernetes: a coordination.k8s.io Lease). Null: the
     * caller's in-process lock only.
     */
    default io.jenkins.plugins.gitops.engine.lease.Lease lease() {
        return null;
    }

    /**
     * The environment names of the previews of {@code template} that this target's cluster or daemon
     * holds, sorted: Kubernetes: managed namespaces labelled {@code gitops.jenkins.io/preview-of=<template>};
     * Swarm: managed services with that label. Read-only; empty where the target cannot tell.
     */
    default List<String> previews(String template) {
        return List.of();
    }

    /**
     * The environment's services as clients reach them (a Swarm preview's URL): each service's name, its
     * labels and the ingress-mode TCP ports the daemon published for it ({@code Endpoint.Ports} of
     * {@code GET /services}, including those it assigned from 30000-32767), services sorted by name.
     * Empty where the target has no such thing (Kubernetes: a preview's Ingress host is its address).
     */
    default List<Endpoint> endpoints() {
        return List.of();
    }

    /** One service of {@link #endpoints()}: name, labels, published ports in the service's order. */
    record Endpoint(String service, Map<String, String> labels, List<Integer> publishedPorts) {
    }

    /**
     * Removes the deployment history this target keeps for the environment, once every object of it is
     * deleted (a deleted preview). Swarm: the history configs of the stack; Kubernetes: nothing to do,
     * the history ConfigMap lives in the preview's namespace and goes with it.
     */
    default void removeHistory() {
    }

    @Override
    void close();
}
