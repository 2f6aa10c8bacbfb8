package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.LoadRestrictor;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gitops render ENV} / {@code gitops render --path FOLDER}: the objects a sync would apply, as one YAML
 * stream (or JSON), hooks included and marked: what {@code kustomize build}, {@code argocd app manifests} and
 * {@code flux build} give their users. Writes nothing.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Print the objects a sync of ENV would apply (one YAML stream, hooks marked), or those of a"
                + " folder without gitops.yaml (--path). Writes nothing; Secret values are masked unless --show-secrets."})
final class RenderCommand extends RepositoryCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "environment name from gitops.yaml")
    String environment;

    @Option(names = "--path", paramLabel = "FOLDER",
            description = "render this folder (kustomization, chart, compose file or YAML files) without gitops.yaml")
    Path path;

    @Option(names = "--namespace", description = "with --path: the namespace a chart is rendered for (default: default)")
    String namespace;

    @Option(names = "--kube-version", description = "with --path: the Kubernetes version Helm sees (like helm template"
            + " --kube-version; default: Helm's built-in)")
    String kubeVersion;

    @Option(names = "--api-versions", split = ",", description = "with --path: API versions Helm's"
            + " .Capabilities.APIVersions.Has answers true for (like helm template --api-versions)")
    List<String> apiVersions = List.of();

    @Option(names = "--load-restrictor", paramLabel = "LoadRestrictionsRootOnly|LoadRestrictionsNone",
            description = "with --path: where a kustomization's files may be, as kustomize build --load-restrictor"
                    + " (default LoadRestrictionsRootOnly; an environment sets it in gitops.yaml: kustomize.loadRestrictor)")
    String loadRestrictor;

    @Option(names = "--show-secrets", description = "print Secret values instead of masking them")
    boolean showSecrets;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "variable for compose interpolation (repeatable)")
    Map<String, String> variables = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if ((environment == null) == (path == null)) {
            throw new InvalidInputException("give either an environment (gitops render ENV) or a folder"
                    + " (gitops render --path FOLDER), not both and not neither");
        }
        DesiredState state = path != null ? renderFolder() : renderEnvironment();
        state.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        spec.commandLine().getErr().flush();
        out().print(ManifestPrinter.print(state, output, showSecrets));
        out().flush();
        return ExitCodes.OK;
    }

    private DesiredState renderEnvironment() {
        if (kubeVersion != null || !apiVersions.isEmpty()) {
            throw new InvalidInputException("--kube-version and --api-versions go with --path; an environment is"
                    + " rendered for what its cluster serves");
        }
        if (loadRestrictor != null) {
            throw new InvalidInputException("--load-restrictor goes with --path; an environment sets it in gitops.yaml"
                    + " (kustomize: { loadRestrictor: LoadRestrictionsNone })");
        }
        try (GitOps gitOps = gitOps()) {
            return gitOps.render(environment, repositoryOptions().revision(), variables);
        }
    }

    private DesiredState renderFolder() {
        Path folder = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(path + ": not a folder; --path takes the folder to render");
        }
        String name = folder.getFileName() == null ? "render" : folder.getFileName().toString();
        boolean compose = Files.exists(folder.resolve("docker-compose.yml")) || Files.exists(folder.resolve("compose.yaml"))
                || Files.exists(folder.resolve("docker-compose.yaml")) || Files.exists(folder.resolve("compose.yml"));
        TargetSpec target = compose ? TargetSpec.swarm(name)
                : TargetSpec.kubernetes(namespace == null ? "default" : namespace);
        if (kubeVersion != null && !kubeVersion.strip().matches("v?\\d+\\.\\d+(\\.\\d+)?([-+].*)?")) {
            // helm template refuses such a version too (chartutil.ParseKubeVersion); helm-java would fall back silently
            throw new InvalidInputException("--kube-version '" + kubeVersion + "' is not a Kubernetes version;"
                    + " give it as /version reports it, for example v1.31.2");
        }
        Set<String> served = new LinkedHashSet<>(apiVersions.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
        ClusterCapabilities capabilities = ClusterCapabilities.given(kubeVersion, served);
        Path root = treeRoot(folder);
        String relative = root.relativize(folder).toString().replace('\\', '/');
        return Renderers.standard().with(new ComposeRenderer()).render(new DirectoryTree(root),
                Environment.of(name, relative, target).withLoadRestrictor(restrictor()), variables, null, capabilities);
    }

    private LoadRestrictor restrictor() {
        if (loadRestrictor == null) {
            return LoadRestrictor.ROOT_ONLY;
        }
        LoadRestrictor restrictor = LoadRestrictor.ofFlag(loadRestrictor);
        if (restrictor == null) {
            throw new InvalidInputException("--load-restrictor '" + loadRestrictor + "': use LoadRestrictionsRootOnly"
                    + " or LoadRestrictionsNone, as kustomize build does");
        }
        return restrictor;
    }

    /**
     * Where paths of the folder may lead, as for {@code kustomize build DIR}: an overlay's {@code ../../base}
     * must resolve. The enclosing Git work tree (the folder holding {@code .git}) when there is one, else the
     * working directory when the folder is below it, else the filesystem root. Sources in the output and in errors
     * are relative to that root; kustomize's load restrictor (files of a kustomization stay under its folder unless
     * {@code --load-restrictor LoadRestrictionsNone}) still applies.
     */
    static Path treeRoot(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        Path workingDirectory = Path.of("").toAbsolutePath().normalize();
        return folder.startsWith(workingDirectory) ? workingDirectory : folder.getRoot();
    }
}
