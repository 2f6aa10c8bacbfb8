package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CustomResourceDefinitions of a chart's {@code crds/} folder and of its enabled subcharts' (Helm's
 * {@code Chart.CRDObjects()}: files ending in .yaml, .yml or .json, not templated, the parent's first). Helm
 * installs them before anything else and never deletes or upgrades them; here they are applied first (the
 * sync orders CRDs before every wave) and, unless the environment sets {@code pruneCrds: true}, they carry
 * {@link Labels#PRUNE} {@code disabled} so that removing them from the chart never deletes them (and with
 * them every custom resource of the cluster).
 */
final class ChartCrds {
    private ChartCrds() {
    }

    static List<Resource> read(Path chart, String shown, List<ChartDependencies.Subchart> subcharts, boolean pruneCrds)
            throws IOException {
        List<String> problems = new ArrayList<>();
        List<Resource> out = new ArrayList<>(folder(chart, shown, pruneCrds, problems));
        for (ChartDependencies.Subchart subchart : subcharts) {
            if (subchart.enabled()) {
                nested(subchart.folder(), subchart.shown(), pruneCrds, problems, out);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    /** A subchart's CRDs and those of the subcharts it vendors in turn. */
    private static void nested(Path chart, String shown, boolean pruneCrds, List<String> problems, List<Resource> out)
            throws IOException {
        out.addAll(folder(chart, shown, pruneCrds, problems));
        Path charts = chart.resolve("charts");
        if (Files.isDirectory(charts)) {
            try (Stream<Path> list = Files.list(charts)) {
                for (Path sub : list.filter(Files::isDirectory).sorted().toList()) {
                    nested(sub, RepoPaths.child(shown, "charts/" + sub.getFileName()), pruneCrds, problems, out);
                }
            }
        }
    }

    private static List<Resource> folder(Path chart, String shown, boolean pruneCrds, List<String> problems)
            throws IOException {
        Path crds = chart.resolve("crds");
        if (!Files.isDirectory(crds)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(crds)) {
            files = walk.filter(Files::isRegularFile).filter(ChartCrds::isManifest).sorted().toList();
        }
        List<Resource> out = new ArrayList<>();
        for (Path file : files) {
            String source = RepoPaths.child(shown, chart.relativize(file).toString().replace('\\', '/'));
            List<Object> documents;
            try {
                documents = SafeYaml.loadAll(Files.readAllBytes(file), source);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
                continue;
            }
            for (Map<String, Object> object : ManifestDocuments.objects(documents, source, problems)) {
                if (!pruneCrds) {
                    Manifests.ensureMap(object, "metadata", "annotations").put(Labels.PRUNE, Labels.PRUNE_DISABLED);
                }
                out.add(Resource.ofManifest(object, source));
            }
        }
        return out;
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
