package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.TargetException;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests {@link KubernetesTarget} sends for one object, as generic resources located by
 * discovery: get, list, create (an existing object is patched instead), the three-way JSON patch of an
 * update ({@link ManagedFields}, {@link ThreeWayPatch}), delete with background propagation, and the
 * same create and patch as {@code dryRun=All} with {@code fieldValidation=Strict}. API errors become
 * {@link TargetException}s without secret values ({@link ApiErrors}); a CRD write makes discovery of its
 * group be read again.
 */
final class GenericApi {
    private static final Logger LOG = LoggerFactory.getLogger(GenericApi.class);

    private final KubernetesClient client;
    private final Kinds kinds;
    /** The environment's namespace: where namespaced objects without one go. */
    private final String namespace;

    GenericApi(KubernetesClient client, Kinds kinds, String namespace) {
        this.client = client;
        this.kinds = kinds;
        this.namespace = namespace;
    }

    Optional<Resource> get(ResourceKey key) {
        Optional<ApiKind> kind = kinds.forKey(key);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            GenericKubernetesResource found = resources(kind.get(), key.namespace()).withName(key.name()).get();
            return Optional.ofNullable(found).map(f -> toResource(kind.get(), f));
        } catch (KubernetesClientException e) {
            throw ApiErrors.failure("read " + key, e, false);
        }
    }

    /** The objects of a kind in a namespace ("" for cluster-scoped) with a label selector; none for a 404. */
    List<Resource> list(ApiKind kind, String ns, String labelSelector) {
        GenericKubernetesResourceList list;
        try {
            list = resources(kind, ns).withLabelSelector(labelSelector).list();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of(); // a kind whose CRD this sync is about to create
            }
            throw ApiErrors.failure("list " + kind.describe() + (ns.isEmpty() ? "" : " in namespace " + ns), e, false);
        }
        return list.getItems().stream().map(item -> toResource(kind, item)).toList();
    }

    /** Creates the object; when it exists already (409) patches it as {@link #update} would. */
    Resource create(Resource desired) {
        ApiKind kind = kinds.require(desired);
        try {
            GenericKubernetesResource created = resources(kind, desired.namespace())
                    .resource(toGeneric(ManagedFields.annotate(desired))).create();
            afterWrite(desired);
            return toResource(kind, created);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw ApiErrors.failure("create " + desired.key(), e, secretValues(desired));
            }
        }
        LOG.info("{} already exists; patching it instead", desired.key());
        Resource live = get(desired.key()).orElseThrow(() -> new TargetException("create " + desired.key()
                + " failed: it already exists but cannot be read back", true, null));
        return update(desired, live);
    }

    /** Sends the three-way JSON patch from {@code live} to {@code desired}; nothing when they agree. */
    Resource update(Resource desired, Resource live) {
        ApiKind kind = kinds.require(desired);
        var operations = patch(desired, live);
        if (operations.isEmpty()) {
            return live;
        }
        try {
            GenericKubernetesResource patched = resources(kind, desired.namespace()).withName(desired.name())
                    .patch(PatchContext.of(PatchType.JSON), operations.toString());
            afterWrite(desired);
            return toResource(kind, patched);
        } catch (KubernetesClientException e) {
            throw ApiErrors.failure("update " + desired.key(), e, secretValues(desired));
        }
    }

    /**
     * The create as a dry run; an object that exists already (409) is dry-run as the patch {@link #create}
     * would then send. {@code createdBySync} tells whether a 404 is expected (its namespace or CRD is
     * created by the sync: skipped, as Argo CD does).
     *
     * @return whether the server checked the object
     * @throws InvalidInputException when the server refuses the object (400, 422)
     */
    boolean dryRunCreate(ApiKind kind, Resource desired, Predicate<Resource> createdBySync) {
        try {
            resources(kind, desired.namespace()).resource(toGeneric(ManagedFields.annotate(desired))).dryRun()
                    .fieldValidation(Validation.STRICT).create();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                Optional<Resource> live = get(desired.key());
                return live.isPresent() && dryRunUpdate(desired, live.get(), createdBySync);
            }
            return dryRunRefused("create", desired, e, createdBySync);
        }
    }

    /** The patch {@link #update} would send, as a dry run; nothing to send counts as checked. */
    boolean dryRunUpdate(Resource desired, Resource live, Predicate<Resource> createdBySync) {
        ApiKind kind = kinds.require(desired);
        var operations = patch(desired, live);
        if (operations.isEmpty()) {
            return true;
        }
        try {
            resources(kind, desired.namespace()).withName(desired.name()).dryRun().fieldValidation(Validation.STRICT)
                    .patch(PatchContext.of(PatchType.JSON), operations.toString());
            return true;
        } catch (KubernetesClientException e) {
            return dryRunRefused("update", desired, e, createdBySync);
        }
    }

    /** Deletes with background propagation; an object already gone (404) counts as deleted. */
    void delete(ApiKind kind, Resource live) {
        try {
            resources(kind, live.namespace()).withName(live.name())
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw ApiErrors.failure("delete " + live.key(), e, LastApplied.isSecret(live) ? Set.of() : null);
            }
        }
        afterWrite(live);
    }

    /** The JSON patch of an update: three-way merge of the managed fields, desired and live. */
    private com.fasterxml.jackson.databind.node.ArrayNode patch(Resource desired, Resource live) {
        Map<String, Object> lastApplied = LastApplied.forMerge(desired, ManagedFields.read(live));
        Map<String, Object> merged = ThreeWayPatch.merged(lastApplied, LastApplied.desiredForMerge(desired),
                live.manifest());
        return ThreeWayPatch.jsonPatch(live.manifest(), merged);
    }

    private boolean dryRunRefused(String action, Resource desired, KubernetesClientException e,
            Predicate<Resource> createdBySync) {
        if (e.getCode() == 404 && createdBySync.test(desired)) {
            LOG.info("{}: not dry-run on the server: its namespace or CustomResourceDefinition is created by this sync",
                    desired.describe());
            return false;
        }
        if (e.getCode() == 400 || e.getCode() == 422) {
            String message = ApiErrors.failure("", e, secretValues(desired)).getMessage().replaceFirst("^ failed: ", "");
            throw new InvalidInputException(desired.describe() + ": the API server refuses this object (server-side"
                    + " dry run of the " + action + "): " + message);
        }
        throw ApiErrors.failure("dry run of " + action + " " + desired.key(), e, secretValues(desired));
    }

    /** A CRD write changes what discovery serves for its group. */
    private void afterWrite(Resource written) {
        if (DesiredKinds.isCrd(written)) {
            String group = Manifests.string(written.manifest(), "spec", "group");
            if (group != null) {
                kinds.forgetGroup(group);
            }
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> resources(ApiKind kind, String ns) {
        var all = client.genericKubernetesResources(kind.context());
        return kind.namespaced() ? all.inNamespace(ns.isEmpty() ? namespace : ns) : all;
    }

    private static Collection<String> secretValues(Resource desired) {
        return LastApplied.isSecret(desired) ? ApiErrors.secretValues(desired.manifest()) : null;
    }

    private static GenericKubernetesResource toGeneric(Map<String, Object> manifest) {
        return Serialization.jsonMapper().convertValue(manifest, GenericKubernetesResource.class);
    }

    /** Live manifests are kept whole; list items may lack apiVersion/kind, so those are set from the kind. */
    @SuppressWarnings("unchecked")
    private static Resource toResource(ApiKind kind, GenericKubernetesResource object) {
        Map<String, Object> body = Serialization.jsonMapper().convertValue(object, LinkedHashMap.class);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", kind.apiVersion());
        manifest.put("kind", kind.kind());
        body.forEach(manifest::putIfAbsent);
        return Resource.ofManifest(manifest, "");
    }
}
