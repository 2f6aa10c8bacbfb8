package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;

/** Test fixtures: repository folders under src/test/resources and small lookups in rendered objects. */
final class Fixtures {
    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DirectoryTree docsPlatform() {
        return new DirectoryTree(resource("render/docs-platform"));
    }

    static Environment kubernetes(String name, String path, String namespace) {
        return Environment.of(name, path, TargetSpec.kubernetes(namespace));
    }

    static Resource find(List<Resource> resources, String kind, String name) {
        return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " '" + name + "' in " + resources));
    }

    static Resource findPrefix(List<Resource> resources, String kind, String namePrefix) {
        List<Resource> found = resources.stream().filter(r -> r.kind().equals(kind) && r.name().startsWith(namePrefix))
                .toList();
        Assertions.assertThat(found).as(kind + " named " + namePrefix + "*").hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Resource r, String... path) {
        return (Map<String, Object>) Manifests.get(r.manifest(), path);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Resource r, String... path) {
        return (List<Map<String, Object>>) Manifests.get(r.manifest(), path);
    }

    static Map<String, Object> podSpec(Resource r) {
        return map(r, "spec", "template", "spec");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(Resource r, String name) {
        return ((List<Map<String, Object>>) podSpec(r).get("containers")).stream()
                .filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    static void copyFolder(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
