package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Which chart an environment folder renders, with which values files and release name. Two layouts:
 * <ul>
 * <li>the chart in place: {@code environments/<env>/Chart.yaml} with its {@code values.yaml}, plus
 * {@code values-<env>.yaml} in the same folder when present;</li>
 * <li>a {@code helm.yaml} pointing to a chart elsewhere in the repository:
 * {@code {chart: ../../charts/docs-platform, values: [values.yaml], release: docs}} where {@code values}
 * are relative to the environment folder and applied after the chart's own values.yaml.</li>
 * </ul>
 * The release name is {@code release} from helm.yaml, or else the environment's name.
 */
record HelmSource(String chartDirectory, List<String> valuesFiles, String release, String origin) {
    static final String HELM_FILE = "helm.yaml";

    static HelmSource of(SourceTree tree, String directory, Environment environment) {
        String helmFile = RepoPaths.child(directory, HELM_FILE);
        if (!tree.isFile(helmFile)) {
            List<String> values = new ArrayList<>();
            String envValues = RepoPaths.child(directory, "values-" + environment.name() + ".yaml");
            if (tree.isFile(envValues)) {
                values.add(envValues);
            }
            return new HelmSource(directory, values, environment.name(), RepoPaths.child(directory, "Chart.yaml"));
        }
        YamlFields f = YamlFields.of(SafeYaml.load(tree.read(helmFile), helmFile), helmFile);
        f.onlyKeys(List.of("chart", "values", "release"));
        String chart = RepoPaths.resolve(directory, f.requiredString("chart"), helmFile);
        if (!tree.isFile(RepoPaths.child(chart, "Chart.yaml"))) {
            throw new InvalidInputException(helmFile + ": chart folder " + chart + " has no Chart.yaml at this"
                    + " revision; check 'chart'");
        }
        List<String> values = new ArrayList<>();
        for (String v : f.strings("values")) {
            String path = RepoPaths.resolve(directory, v, helmFile);
            if (!tree.isFile(path)) {
                throw new InvalidInputException(helmFile + ": values file " + path + " not found; check 'values'");
            }
            values.add(path);
        }
        String release = f.string("release");
        return new HelmSource(chart, values, release == null ? environment.name() : release, helmFile);
    }
}
