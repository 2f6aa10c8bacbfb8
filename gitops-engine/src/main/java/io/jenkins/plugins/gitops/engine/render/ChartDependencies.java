package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The dependencies a chart declares ({@code dependencies:} of Chart.yaml) and the subcharts vendored for them
 * under {@code charts/} (folders, or archives already unpacked by {@link ChartArchives}). A sync never
 * downloads a chart: a declared dependency that is not vendored is an error telling to vendor it, as
 * Helm's own check does ({@code action.CheckDependencies}). Which subcharts are enabled follows Helm's
 * {@code condition} and {@code tags} rules ({@code chartutil/dependencies.go}) on the chart's values.
 */
final class ChartDependencies {
    private ChartDependencies() {
    }

    /** One vendored subchart: its folder in the temporary copy and its path as the repository shows it. */
    record Subchart(String name, Path folder, String shown, boolean enabled) {
    }

    /** The vendored subcharts of {@code chart}; refuses a declared dependency that has none. */
    static List<Subchart> of(Path chart, String shown, Map<String, Object> values) throws IOException {
        Map<String, Path> vendored = vendored(chart);
        List<String> problems = new ArrayList<>();
        List<Subchart> out = new ArrayList<>();
        for (Map<String, Object> dependency : declared(chart, shown)) {
            String name = String.valueOf(dependency.get("name"));
            Path folder = vendored.remove(name);
            if (folder == null) {
                problems.add(RepoPaths.child(shown, "Chart.yaml") + ": dependency '" + name + "'"
                        + (dependency.get("version") == null ? "" : " version " + dependency.get("version"))
                        + (dependency.get("repository") == null ? "" : " from " + dependency.get("repository"))
                        + " is not vendored in " + RepoPaths.child(shown, "charts") + "/; a sync never downloads charts: run"
                        + " 'helm dependency build " + (shown.isEmpty() ? "." : shown) + "' and commit the charts/ folder");
                continue;
            }
            out.add(new Subchart(name, folder, RepoPaths.child(shown, "charts/" + chart.resolve("charts").relativize(folder)),
                    enabled(dependency, values)));
        }
        // subcharts vendored without a declaration are always rendered by Helm
        vendored.forEach((name, folder) -> out.add(new Subchart(name, folder,
                RepoPaths.child(shown, "charts/" + chart.resolve("charts").relativize(folder)), true)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> declared(Path chart, String shown) throws IOException {
        Path file = chart.resolve("Chart.yaml");
        Object parsed = SafeYaml.load(Files.readAllBytes(file), RepoPaths.child(shown, "Chart.yaml"));
        List<Map<String, Object>> out = new ArrayList<>();
        if (parsed instanceof Map<?, ?> map && map.get("dependencies") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> dependency && dependency.get("name") != null) {
                    out.add((Map<String, Object>) dependency);
                }
            }
        }
        return out;
    }

    /** Chart name (from each subchart's Chart.yaml) to its folder. */
    private static Map<String, Path> vendored(Path chart) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        Path charts = chart.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return out;
        }
        try (Stream<Path> list = Files.list(charts)) {
            for (Path folder : list.sorted().toList()) {
                Path chartFile = folder.resolve("Chart.yaml");
                if (Files.isRegularFile(chartFile)
                        && SafeYaml.load(Files.readAllBytes(chartFile), chartFile.toString()) instanceof Map<?, ?> meta
                        && meta.get("name") != null) {
                    out.putIfAbsent(String.valueOf(meta.get("name")), folder);
                }
            }
        }
        return out;
    }

    /** Helm: the first condition path that holds a boolean decides; else any true tag enables, all-false tags disable. */
    private static boolean enabled(Map<String, Object> dependency, Map<String, Object> values) {
        if (dependency.get("condition") instanceof String condition) {
            for (String path : condition.split(",")) {
                if (lookup(values, path.strip()) instanceof Boolean b) {
                    return b;
                }
            }
        }
        if (dependency.get("tags") instanceof List<?> tags && !tags.isEmpty()) {
            boolean anyTrue = false;
            boolean anyFalse = false;
            for (Object tag : tags) {
                Object value = values.get("tags") instanceof Map<?, ?> t ? t.get(String.valueOf(tag)) : null;
                anyTrue |= Boolean.TRUE.equals(value);
                anyFalse |= Boolean.FALSE.equals(value);
            }
            if (anyTrue) {
                return true;
            }
            return !anyFalse;
        }
        return true;
    }

    private static Object lookup(Map<String, Object> values, String path) {
        Object current = values;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** The chart's values.yaml overlaid with the values files in order (maps merged key by key, as Helm does). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> values(Path chart, List<Path> valuesFiles, String shown) throws IOException {
        Map<String, Object> merged = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        all.add(chart.resolve("values.yaml"));
        all.addAll(valuesFiles);
        for (Path file : all) {
            if (Files.isRegularFile(file) && SafeYaml.load(Files.readAllBytes(file), RepoPaths.child(shown, file.getFileName().toString()))
                    instanceof Map<?, ?> map) {
                merge(merged, (Map<String, Object>) map);
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> m && into.get(key) instanceof Map<?, ?> existing) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
                merge(copy, (Map<String, Object>) m);
                into.put(key, copy);
            } else {
                into.put(key, value);
            }
        });
    }
}
