package io.jenkins.plugins.gitops.engine.preview;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.PreviewSpec.ImageOverride;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.ClusterScoped;
import io.jenkins.plugins.gitops.engine.render.compose.StackObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the template's rendered desired state into the preview's, before the target prepares it.
 * Kubernetes: the template's namespace becomes the preview's (objects, the Namespace object, RoleBinding
 * subjects), Ingress rule and TLS hosts become the preview host, a labelled Namespace object is added when
 * the template has none. Swarm: ingress-mode published ports are left for the daemon to assign (the
 * template's ports are taken) and Traefik routing labels are renamed and pointed at the preview host
 * ({@link TraefikLabels}). Both: the preview {@code images:} are applied and every object is labelled
 * {@code preview-of}/{@code preview-id}. Objects a preview cannot copy without touching something shared
 * (cluster-scoped objects, objects in another namespace) are refused, all of them in one message.
 */
public final class PreviewRewriter {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private final Preview preview;
    private final Map<String, String> variables;
    /** {@code group/Kind} of cluster-scoped kinds defined by CustomResourceDefinitions of the render. */
    private final java.util.Set<String> clusterScopedCrds = new java.util.HashSet<>();

    /** {@code variables}: the template's variables with the checked overrides on top. */
    public PreviewRewriter(Preview preview, Map<String, String> variables) {
        this.preview = preview;
        this.variables = variables;
    }

    public DesiredState rewrite(DesiredState rendered) {
        List<ImageOverride> images = imageRules();
        List<String> problems = new ArrayList<>();
        List<Resource> out = new ArrayList<>();
        boolean kubernetes = preview.template().target().type() == TargetSpec.Type.KUBERNETES;
        boolean hasNamespace = false;
        boolean tls = false;
        TraefikLabels traefik = new TraefikLabels(preview.name(), preview.host(), preview.template().target().stack());
        for (Resource r : rendered.resources()) {
            if (StackObjects.GROUP.equals(r.key().group()) && r.kind().equals(StackObjects.SERVICE)) {
                traefik.collect(serviceLabels(r.mutableManifest()));
            }
            if (r.kind().equals("CustomResourceDefinition") && "Cluster".equals(Manifests.string(r.manifest(), "spec", "scope"))) {
                clusterScopedCrds.add(Manifests.string(r.manifest(), "spec", "group") + "/"
                        + Manifests.string(r.manifest(), "spec", "names", "kind"));
            }
        }
        for (Resource r : rendered.resources()) {
            Map<String, Object> manifest = r.mutableManifest();
            PreviewImages.apply(images, manifest);
            if (StackObjects.GROUP.equals(r.key().group())) {
                swarm(r, manifest, traefik);
                out.add(r.withManifest(manifest));
                continue;
            }
            if (kubernetes && !namespace(r, manifest, problems)) {
                continue;
            }
            hasNamespace |= r.kind().equals("Namespace") && r.key().group().isEmpty();
            labels(Manifests.ensureMap(manifest, "metadata", "labels"));
            if (r.kind().equals("Ingress")) {
                tls |= ingress(manifest);
            }
            out.add(Resource.ofManifest(manifest, r.source()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (kubernetes && !hasNamespace) {
            out.add(0, namespaceObject());
        }
        if (!kubernetes && traefik.url() != null) {
            out.replaceAll(r -> withUrlLabel(r, traefik.url()));
        }
        String url = PreviewUrls.of(preview, tls);
        if (kubernetes && url != null) {
            for (int i = 0; i < out.size(); i++) {
                Resource r = out.get(i);
                if (r.kind().equals("Namespace") && r.key().group().isEmpty()) {
                    Map<String, Object> manifest = r.mutableManifest();
                    Manifests.ensureMap(manifest, "metadata", "annotations").put(Labels.PREVIEW_URL, url);
                    out.set(i, r.withManifest(manifest));
                }
            }
        }
        return rendered.withResources(out);
    }

    /** False (with a problem) for objects a preview must not copy. */
    private boolean namespace(Resource r, Map<String, Object> manifest, List<String> problems) {
        String templateNs = preview.template().target().namespace();
        if (r.kind().equals("Namespace") && r.key().group().isEmpty()) {
            if (!r.name().equals(templateNs)) {
                problems.add(r.describe() + ": a preview copies only the namespace " + templateNs
                        + "; move objects of other namespaces to another environment");
                return false;
            }
            Manifests.ensureMap(manifest, "metadata").put("name", preview.name());
            return true;
        }
        if (ClusterScoped.isBuiltIn(r.key().group(), r.kind()) || clusterScopedCrds.contains(r.key().group() + "/" + r.kind())) {
            problems.add(r.describe() + ": cluster-scoped objects are shared by every preview and the template, so a"
                    + " preview cannot copy them; deploy them with the template environment or another one");
            return false;
        }
        if (!r.namespace().isEmpty()) {
            if (!r.namespace().equals(templateNs)) {
                problems.add(r.describe() + ": in namespace " + r.namespace() + ", but a preview copies only "
                        + templateNs + "; leave metadata.namespace out or set it to " + templateNs);
                return false;
            }
            Manifests.ensureMap(manifest, "metadata").put("namespace", preview.name());
        }
        if (r.kind().equals("RoleBinding") && manifest.get("subjects") instanceof List<?> subjects) {
            for (Object s : subjects) {
                if (s instanceof Map<?, ?> subject && templateNs.equals(subject.get("namespace"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) subject;
                    m.put("namespace", preview.name());
                }
            }
        }
        return true;
    }

    /**
     * Every rule host and TLS host becomes the preview host (Ingress spec.rules[].host, spec.tls[].hosts[]);
     * true when the Ingress terminates TLS for it.
     */
    @SuppressWarnings("unchecked")
    private boolean ingress(Map<String, Object> manifest) {
        if (preview.host() == null || !(manifest.get("spec") instanceof Map<?, ?> spec)) {
            return false;
        }
        boolean tls = false;
        if (spec.get("rules") instanceof List<?> rules) {
            for (Object rule : rules) {
                if (rule instanceof Map<?, ?> m && m.get("host") != null) {
                    ((Map<String, Object>) m).put("host", preview.host());
                }
            }
        }
        if (spec.get("tls") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> m && m.get("hosts") instanceof List<?> hosts && !hosts.isEmpty()) {
                    ((Map<String, Object>) m).put("hosts", new ArrayList<>(List.of(preview.host())));
                    tls = true;
                }
            }
        }
        return tls;
    }

    /**
     * Swarm: labels, Traefik routing labels ({@link TraefikLabels}), and published ingress ports given back
     * to the daemon to pick (30000-32767, swarmkit's dynamic range; the template's ports are taken).
     */
    @SuppressWarnings("unchecked")
    private void swarm(Resource r, Map<String, Object> manifest, TraefikLabels traefik) {
        Map<String, Object> spec = Manifests.ensureMap(manifest, "Spec");
        Map<String, Object> serviceLabels = Manifests.ensureMap(spec, "Labels");
        if (r.kind().equals(StackObjects.SERVICE)) {
            Map<String, Object> rewritten = traefik.rewrite(serviceLabels);
            serviceLabels.clear();
            serviceLabels.putAll(rewritten);
        }
        labels(serviceLabels);
        if (r.kind().equals(StackObjects.SERVICE) && Manifests.get(spec, "EndpointSpec", "Ports") instanceof List<?> ports) {
            for (Object p : ports) {
                if (p instanceof Map<?, ?> port && !"host".equals(port.get("PublishMode"))) {
                    ((Map<String, Object>) port).remove("PublishedPort");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serviceLabels(Map<String, Object> manifest) {
        return Manifests.get(manifest, "Spec", "Labels") instanceof Map<?, ?> labels
                ? Manifests.mutableCopy((Map<String, ?>) labels) : Map.of();
    }

    /** Swarm services carry the preview's URL (from its Traefik rule) as a label, as the Kubernetes namespace does. */
    private static Resource withUrlLabel(Resource r, String url) {
        if (!r.kind().equals(StackObjects.SERVICE) || !StackObjects.GROUP.equals(r.key().group())) {
            return r;
        }
        Map<String, Object> manifest = r.mutableManifest();
        Manifests.ensureMap(manifest, "Spec", "Labels").put(Labels.PREVIEW_URL, url);
        return r.withManifest(manifest);
    }

    private void labels(Map<String, Object> labels) {
        labels.put(Labels.PREVIEW_OF, preview.template().name());
        labels.put(Labels.PREVIEW_ID, preview.id());
    }

    private Resource namespaceObject() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", "Namespace");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", preview.name());
        manifest.put("metadata", metadata);
        labels(Manifests.ensureMap(manifest, "metadata", "labels"));
        return Resource.ofManifest(manifest, "");
    }

    private List<ImageOverride> imageRules() {
        List<ImageOverride> rules = new ArrayList<>();
        for (ImageOverride o : preview.spec().images()) {
            rules.add(new ImageOverride(o.name(), expand(o.newName()), expand(o.newTag()), expand(o.digest())));
        }
        return rules;
    }

    private String expand(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = variables.get(m.group(1));
            if (v == null) {
                throw new InvalidInputException("preview of '" + preview.template().name() + "': ${" + m.group(1)
                        + "} is used by preview.images but has no value; set it (--set " + m.group(1)
                        + "=..., step: set: [" + m.group(1) + ": ...]) or give it a default under variables:");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
