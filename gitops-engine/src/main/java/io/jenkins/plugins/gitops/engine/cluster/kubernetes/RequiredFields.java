package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;

/**
 * The {@code required} lists of the Kubernetes OpenAPI document (definitions {@code io.k8s.api.*}) for
 * the types most manifests use. fabric8's model classes carry field names and types but not these
 * lists, so they are kept here, each entry as the OpenAPI definition names it. An API server
 * rejects a missing required field with 422 ("Required value").
 */
final class RequiredFields {
    private static final Map<Class<?>, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(Container.class, List.of("name")),
            Map.entry(PodSpec.class, List.of("containers")),
            Map.entry(EnvVar.class, List.of("name")),
            Map.entry(ContainerPort.class, List.of("containerPort")),
            Map.entry(ServicePort.class, List.of("port")),
            Map.entry(Volume.class, List.of("name")),
            Map.entry(VolumeMount.class, List.of("name", "mountPath")),
            Map.entry(KeyToPath.class, List.of("key", "path")),
            Map.entry(ConfigMapKeySelector.class, List.of("key")),
            Map.entry(SecretKeySelector.class, List.of("key")),
            Map.entry(ObjectFieldSelector.class, List.of("fieldPath")),
            Map.entry(ResourceFieldSelector.class, List.of("resource")),
            Map.entry(HTTPGetAction.class, List.of("port")),
            Map.entry(TCPSocketAction.class, List.of("port")),
            Map.entry(LabelSelectorRequirement.class, List.of("key", "operator")),
            Map.entry(DeploymentSpec.class, List.of("selector", "template")),
            Map.entry(StatefulSetSpec.class, List.of("selector", "template")),
            Map.entry(DaemonSetSpec.class, List.of("selector", "template")),
            Map.entry(ReplicaSetSpec.class, List.of("selector")),
            Map.entry(JobSpec.class, List.of("template")),
            Map.entry(CronJobSpec.class, List.of("schedule", "jobTemplate")),
            Map.entry(PolicyRule.class, List.of("verbs")),
            Map.entry(RoleBinding.class, List.of("roleRef")),
            Map.entry(ClusterRoleBinding.class, List.of("roleRef")),
            Map.entry(RoleRef.class, List.of("apiGroup", "kind", "name")),
            Map.entry(Subject.class, List.of("kind", "name")),
            Map.entry(HTTPIngressRuleValue.class, List.of("paths")),
            Map.entry(HTTPIngressPath.class, List.of("pathType", "backend")),
            Map.entry(IngressServiceBackend.class, List.of("name")),
            Map.entry(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec.class,
                    List.of("scaleTargetRef", "maxReplicas")),
            Map.entry(io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference.class,
                    List.of("kind", "name")),
            Map.entry(io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerSpec.class,
                    List.of("scaleTargetRef", "maxReplicas")),
            Map.entry(io.fabric8.kubernetes.api.model.autoscaling.v1.CrossVersionObjectReference.class,
                    List.of("kind", "name")),
            Map.entry(CustomResourceDefinitionSpec.class, List.of("group", "names", "scope", "versions")),
            Map.entry(CustomResourceDefinitionNames.class, List.of("plural", "kind")),
            Map.entry(CustomResourceDefinitionVersion.class, List.of("name", "served", "storage")));

    private RequiredFields() {
    }

    static List<String> of(Class<?> modelClass) {
        return REQUIRED.getOrDefault(modelClass, List.of());
    }
}
