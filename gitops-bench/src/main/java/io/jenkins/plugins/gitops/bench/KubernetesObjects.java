package io.jenkins.plugins.gitops.bench;

/**
 * The generated Kubernetes objects of the benchmarks, as YAML documents (each ends with {@code ---}):
 * an app is a Deployment (2 replicas, probe, limits) and its Service; some apps also have a ConfigMap
 * and a Secret ({@code stringData}), or Ingresses.
 */
final class KubernetesObjects {
    private KubernetesObjects() {
    }

    /** Deployment and Service {@code name}, image {@code registry.example.com/NAME:TAG}. */
    static String deploymentAndService(String name, String tag) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: %1$s, labels: { app: %1$s, tier: web } }
                spec:
                  replicas: 2
                  selector: { matchLabels: { app: %1$s } }
                  template:
                    metadata: { labels: { app: %1$s } }
                    spec:
                      containers:
                        - name: web
                          image: registry.example.com/%1$s:%2$s
                          ports: [{ containerPort: 8080 }]
                          env: [{ name: LOG_LEVEL, value: info }]
                          resources: { limits: { cpu: 500m, memory: 256Mi }, requests: { cpu: 100m, memory: 128Mi } }
                          readinessProbe: { httpGet: { path: /health, port: 8080 } }
                ---
                apiVersion: v1
                kind: Service
                metadata: { name: %1$s }
                spec:
                  selector: { app: %1$s }
                  ports: [{ name: http, port: 80, targetPort: 8080 }]
                ---
                """.formatted(name, tag);
    }

    /** ConfigMap {@code NAME-config} and Secret {@code NAME-secret}. */
    static String configMapAndSecret(String name) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: { name: %1$s-config }
                data: { LOG_LEVEL: info, FEATURE_X: "on", GREETING: "hello from %1$s" }
                ---
                apiVersion: v1
                kind: Secret
                metadata: { name: %1$s-secret }
                type: Opaque
                stringData: { DB_PASSWORD: "bench-%1$s-not-a-real-password" }
                ---
                """.formatted(name);
    }

    /** Ingress {@code name} for Service {@code service}, host {@code NAME.example.com}. */
    static String ingress(String name, String service) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: { name: %1$s }
                spec:
                  rules:
                    - host: %1$s.example.com
                      http:
                        paths: [{ path: /, pathType: Prefix, backend: { service: { name: %2$s, port: { number: 80 } } } }]
                ---
                """.formatted(name, service);
    }
}
