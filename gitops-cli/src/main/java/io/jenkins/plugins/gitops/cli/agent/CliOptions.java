package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.cli.RepositoryOptions;
import io.jenkins.plugins.gitops.cli.TargetOptions;
import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.ProgressListener;
import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import io.jenkins.plugins.gitops.engine.cluster.Targets;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the facade from the shared {@code --repo}/{@code --kubeconfig}/... options, exactly as
 * sync and diff do. Those options resolve their values in package-private methods of the
 * {@code cli} package; until they are public, this class calls them reflectively (same class
 * loader and module, so nothing is bypassed but the package boundary).
 */
final class CliOptions {
    private CliOptions() {
    }

    /** @param holder who takes the environment leases, as shown to whoever is refused one */
    static GitOps gitOps(RepositoryOptions repository, TargetOptions target, Map<String, String> env,
            ProgressListener listener, String holder) {
        if (field(repository, "revision") != null) {
            throw new InvalidInputException("--revision: the agent follows each environment's branch in the repository; "
                    + "remove --revision");
        }
        return GitOps.builder().repository((String) call(repository, "location", env))
                .credentials((GitCredentials) call(repository, "credentials", env))
                .cacheDir((Path) call(repository, "cacheDir", env))
                .targets(Targets.factory((TargetSettings) call(target, "settings", env)))
                .listener(listener).holder(holder).build();
    }

    private static Object call(Object options, String method, Map<String, String> env) {
        try {
            Method m = options.getClass().getDeclaredMethod(method, Map.class);
            m.setAccessible(true);
            return m.invoke(options, env);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(options.getClass().getSimpleName() + "." + method + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(options.getClass().getSimpleName() + "." + method + "(Map) not found", e);
        }
    }

    private static Object field(Object options, String name) {
        try {
            Field f = options.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(options.getClass().getSimpleName() + "." + name + " not found", e);
        }
    }
}
