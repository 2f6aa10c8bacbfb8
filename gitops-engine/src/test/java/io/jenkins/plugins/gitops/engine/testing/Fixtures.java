package io.jenkins.plugins.gitops.engine.testing;

import io.jenkins.plugins.gitops.engine.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Loads test fixtures from src/test/resources. */
public final class Fixtures {
    private Fixtures() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> yaml(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return (Map<String, Object>) new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Resource resource(String resource) {
        return Resource.ofManifest(yaml(resource), resource);
    }
}
