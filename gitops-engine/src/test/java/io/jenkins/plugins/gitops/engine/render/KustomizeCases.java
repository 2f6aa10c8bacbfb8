package io.jenkins.plugins.gitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.LoadRestrictor;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs one kustomize fixture case (a folder with {@code run.txt} and {@code expected.yaml} or
 * {@code expected-error.txt}) for the kustomize fixture tests.
 */
final class KustomizeCases {
    private KustomizeCases() {
    }

    static void check(String root, String name) throws IOException {
        Path dir = Fixtures.resource(root + "/" + name);
        String run = Files.readString(dir.resolve("run.txt")).strip();
        Path error = dir.resolve("expected-error.txt");
        if (Files.exists(error)) {
            InvalidInputException e = catchThrowableOfType(() -> render(dir, run), InvalidInputException.class);
            assertThat(e).as("case %s must be refused", name).isNotNull();
            for (String line : Files.readAllLines(error)) {
                if (!line.isBlank()) {
                    assertThat(e.getMessage()).contains(line.strip());
                }
            }
            return;
        }
        List<Object> expected = SafeYaml.loadAll(Files.readAllBytes(dir.resolve("expected.yaml")), name);
        List<Object> actual = render(dir, run).stream().map(r -> (Object) r.manifest()).toList();
        // equal YAML text (SnakeYAML dumps maps in order, so key order is ignored by sorting keys first)
        assertThat(dump(actual)).as(name).isEqualTo(dump(expected));
        assertThat(actual).as(name).isEqualTo(expected);
    }

    private static String dump(List<Object> documents) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dumpAll(documents.stream().map(KustomizeCases::sorted).iterator());
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(KustomizeCases::sorted).toList();
        }
        return value;
    }

    /** Renders {@code run} with the load restrictor of {@code load-restrictor.txt} (kustomize's flag value), if any. */
    private static List<Resource> render(Path dir, String run) throws IOException {
        Path flag = dir.resolve("load-restrictor.txt");
        LoadRestrictor restrictor = Files.exists(flag) ? LoadRestrictor.ofFlag(Files.readString(flag).strip())
                : LoadRestrictor.ROOT_ONLY;
        return Renderers.standard().render(new DirectoryTree(dir),
                Fixtures.kubernetes("x", run, "default").withLoadRestrictor(restrictor), Map.of(), "rev").resources();
    }
}
