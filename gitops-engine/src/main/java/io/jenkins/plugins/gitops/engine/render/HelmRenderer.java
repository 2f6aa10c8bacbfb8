package io.jenkins.plugins.gitops.engine.render;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Helm chart (a folder with Chart.yaml, or a helm.yaml pointing to one; see {@link HelmSource}),
 * rendered with {@code helm template} through helm-java, as Argo CD and Flux render charts:
 * <ul>
 * <li>for the target cluster's capabilities ({@code .Capabilities.KubeVersion} from {@code /version},
 * {@code .Capabilities.APIVersions.Has} from discovery; see {@link HelmCapabilities}); offline renders keep
 * Helm's built-in defaults;</li>
 * <li>with the chart's {@code crds/} (and its enabled subcharts') first, never pruned unless the environment
 * sets {@code pruneCrds} ({@link ChartCrds});</li>
 * <li>with vendored dependencies under {@code charts/} (folders or archives); a declared dependency that is not
 * vendored is an error saying to vendor it ({@link ChartDependencies});</li>
 * <li>with Helm hooks kept ({@link HelmHooks}): they become sync hooks
 * ({@link io.jenkins.plugins.gitops.engine.model.Hook}); test hooks are left out with a warning.</li>
 * </ul>
 * Helm needs files on disk, so the chart and values are copied from the source tree into a temporary folder
 * that is deleted afterwards. Release name is the environment name (or helm.yaml's {@code release}),
 * namespace the environment's target namespace. Variables are not passed to Helm; put per-environment
 * settings in {@code values-<env>.yaml}.
 */
public final class HelmRenderer implements FormatRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(HelmRenderer.class);
    /** helm-java drives one native Helm library; one render at a time keeps its global state safe. */
    private static final Object HELM_LOCK = new Object();

    @Override
    public boolean accepts(SourceTree tree, String directory) {
        return tree.isFile(RepoPaths.child(directory, "Chart.yaml"))
                || tree.isFile(RepoPaths.child(directory, HelmSource.HELM_FILE));
    }

    @Override
    public Rendering render(SourceTree tree, String directory, Environment environment, Map<String, String> variables) {
        return render(tree, directory, environment, variables, ClusterCapabilities.offline());
    }

    @Override
    public Rendering render(SourceTree tree, String directory, Environment environment, Map<String, String> variables,
            ClusterCapabilities capabilities) {
        if (environment.target() != null && environment.target().type() == TargetSpec.Type.SWARM) {
            throw new InvalidInputException(directory + ": a Helm chart renders Kubernetes objects, but environment '"
                    + environment.name() + "' targets Docker Swarm; use a docker-compose.yml there");
        }
        HelmSource source = HelmSource.of(tree, directory, environment);
        String namespace = environment.target() == null || environment.target().namespace() == null ? "default"
                : environment.target().namespace();
        Path work = null;
        try {
            work = Files.createTempDirectory("gitops-helm-");
            Path chart = work.resolve("chart");
            ChartCopy.copy(tree, source.chartDirectory(), chart);
            ChartArchives.unpack(chart, source.chartDirectory());
            List<Path> valuesFiles = new ArrayList<>();
            for (int i = 0; i < source.valuesFiles().size(); i++) {
                Path values = work.resolve("values-" + i + ".yaml");
                Files.write(values, tree.read(source.valuesFiles().get(i)));
                valuesFiles.add(values);
            }
            List<ChartDependencies.Subchart> subcharts = ChartDependencies.of(chart, source.chartDirectory(),
                    ChartDependencies.values(chart, valuesFiles, source.chartDirectory()));
            List<Resource> crds = ChartCrds.read(chart, source.chartDirectory(), subcharts, environment.pruneCrds());
            prepareTemplates(work, capabilities);
            TemplateCommand template = new Helm(chart).template().withName(source.release()).withNamespace(namespace);
            String kubeVersion = HelmCapabilities.kubeVersion(capabilities);
            if (kubeVersion != null) {
                template = template.withKubeVersion(kubeVersion);
            }
            for (Path values : valuesFiles) {
                template = template.withValuesFile(values);
            }
            String output = HelmHooks.restore(run(template, source, work));
            Rendering templates = HelmOutput.parse(output, source.chartDirectory());
            List<Resource> all = new ArrayList<>(crds);
            all.addAll(templates.resources());
            return new Rendering(all, templates.warnings());
        } catch (IOException e) {
            throw new OperationFailedException("could not prepare chart " + source.chartDirectory() + " for Helm: "
                    + e.getMessage(), e);
        } finally {
            ChartCopy.deleteQuietly(work);
        }
    }

    /** In the temporary copy: hooks hidden from Helm in templates and values, APIVersions.Has answered from discovery. */
    private static void prepareTemplates(Path work, ClusterCapabilities capabilities) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(work)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String relative = work.relativize(file).toString().replace('\\', '/');
            boolean template = relative.contains("/templates/");
            String name = file.getFileName().toString();
            boolean values = name.startsWith("values") && (name.endsWith(".yaml") || name.endsWith(".yml"));
            if (!template && !values) {
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String changed = HelmHooks.hide(text);
            if (template) {
                changed = HelmCapabilities.rewrite(changed, capabilities.apiVersions(), !capabilities.complete());
            }
            if (!changed.equals(text)) {
                Files.writeString(file, changed, StandardCharsets.UTF_8);
            }
        }
    }

    private static String run(TemplateCommand template, HelmSource source, Path work) {
        LOG.debug("helm template {} (release {})", source.chartDirectory(), source.release());
        try {
            synchronized (HELM_LOCK) {
                return template.call();
            }
        } catch (IllegalStateException e) {
            String message = String.valueOf(e.getMessage()).replace(work.resolve("chart").toString(),
                    source.chartDirectory()).replace(work.toString(), source.chartDirectory())
                    .replaceAll("(?m)^Use --debug flag.*$", "").strip().replaceAll("\\s*\\n\\s*", "; ");
            throw new InvalidInputException(source.chartDirectory() + ": Helm could not render the chart: " + message
                    + " (from " + source.origin() + ")");
        } catch (LinkageError e) {
            throw new OperationFailedException("the Helm library could not be loaded on this machine ("
                    + e.getMessage() + "); Helm charts need linux/darwin/windows on amd64 or arm64", e);
        }
    }

    /** Turns {@code helm template} output into resources, naming each by its template file. */
    static final class HelmOutput {
        private HelmOutput() {
        }

        static Rendering parse(String output, String chartDirectory) {
            List<String> problems = new ArrayList<>();
            List<Resource> resources = new ArrayList<>();
            for (String chunk : output.split("(?m)^---\\s*$")) {
                String source = sourceOf(chunk, chartDirectory);
                List<Object> documents;
                try {
                    documents = SafeYaml.loadAll(chunk.getBytes(java.nio.charset.StandardCharsets.UTF_8), source);
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                    continue;
                }
                for (Map<String, Object> object : ManifestDocuments.objects(documents, source, problems)) {
                    resources.add(Resource.ofManifest(object, source));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Rendering(resources, List.of());
        }

        /** {@code # Source: docs-platform/templates/web.yaml} becomes {@code charts/docs-platform/templates/web.yaml}. */
        private static String sourceOf(String chunk, String chartDirectory) {
            for (String line : chunk.split("\n")) {
                if (line.startsWith("# Source: ")) {
                    String path = line.substring("# Source: ".length()).strip();
                    int slash = path.indexOf('/');
                    return RepoPaths.child(chartDirectory, slash < 0 ? path : path.substring(slash + 1));
                }
            }
            return chartDirectory;
        }
    }

}
