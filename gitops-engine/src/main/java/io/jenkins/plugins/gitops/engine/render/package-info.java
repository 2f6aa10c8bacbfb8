/**
 * Desired state from an environment folder at a revision: plain YAML, kustomize, Helm charts and
 * (in {@code compose}) docker-compose files. Everything is validated before anything is applied.
 *
 * <p>{@link io.jenkins.plugins.gitops.engine.render.Renderers} finds the environment's folder and hands it
 * to the first {@link io.jenkins.plugins.gitops.engine.render.FormatRenderer} that accepts it:
 * <ol>
 * <li>{@code kustomization.yaml} (or {@code .yml}, {@code Kustomization}): rendered in-process by
 * {@link io.jenkins.plugins.gitops.engine.render.KustomizeRenderer} as kustomize's KustTarget does
 * ({@code KustomizeBuild}: resources, generators, components, transformers driven by kustomize's field
 * specs ({@code DefaultFieldSpecs}, {@code TransformerConfig}), replacements, built-in plugin configurations
 * ({@code BuiltinPlugins}), then hashes, name references, vars and the output rules of
 * {@code kustomize build}: order, build metadata); unsupported keys are errors (docs/kustomize.md);</li>
 * <li>{@code Chart.yaml} (chart in place, plus {@code values-<env>.yaml}) or {@code helm.yaml}
 * ({@code chart:} a chart folder elsewhere in the repository, {@code values:} files relative to the
 * environment folder, optional {@code release:}): {@link io.jenkins.plugins.gitops.engine.render.HelmRenderer};</li>
 * <li>extra renderers added with {@code Renderers#with} (compose);</li>
 * <li>anything else: every {@code *.yaml}/{@code *.yml} below the folder, in path order
 * ({@link io.jenkins.plugins.gitops.engine.render.PlainYamlRenderer}).</li>
 * </ol>
 * Every YAML file is parsed with {@link io.jenkins.plugins.gitops.engine.render.SafeYaml}; every path is
 * resolved with {@code RepoPaths}, so nothing outside the repository is ever read. Problems are
 * reported together, each naming the file (and document or object) and the fix.
 */
package io.jenkins.plugins.gitops.engine.render;
