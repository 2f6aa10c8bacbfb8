package io.jenkins.plugins.gitops.bench;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One tool under test: deploys the repository's compose file as a stack and returns when the tool
 * itself returns. None of them waits for the services to converge: {@code docker stack deploy} never
 * does, so the engine runs with {@code wait: false} to compare like with like.
 */
interface Deployer {
    String name();

    void deploy(BenchRepository repository, String stack);

    /**
     * {@code docker stack deploy -c docker-compose.yml STACK}, with its defaults ({@code resolveImage}
     * null: it asks the registry for every service's digest, {@code --resolve-image always}) or with
     * {@code --resolve-image never}.
     */
    record StackDeploy(DockerCli docker, String resolveImage) implements Deployer {
        @Override
        public String name() {
            return resolveImage == null ? "docker stack deploy" : "docker --resolve-image " + resolveImage;
        }

        @Override
        public void deploy(BenchRepository repository, String stack) {
            List<String> args = new java.util.ArrayList<>(List.of("stack", "deploy"));
            if (resolveImage != null) {
                args.addAll(List.of("--resolve-image", resolveImage));
            }
            args.addAll(List.of("-c", repository.composeFile().toString(), stack));
            docker.run(args.toArray(String[]::new));
        }
    }

    /** {@link GitOps#sync} in this JVM, as a Jenkins step runs it: one facade per sync, clone cache kept. */
    record InProcess(String dockerHost, Path cacheDir) implements Deployer {
        @Override
        public String name() {
            return "gitops in-process";
        }

        @Override
        public void deploy(BenchRepository repository, String stack) {
            try (GitOps gitOps = GitOps.builder().repository(repository.folder().toString()).cacheDir(cacheDir)
                    .targets(env -> SwarmTarget.connect(env, SwarmConnection.plain(dockerHost))).build()) {
                SyncResult result = gitOps.sync(SyncRequest.of(BenchRepository.ENVIRONMENT).withWait(false)
                        .withTrigger("benchmark", "bench"));
                if (!result.succeeded()) {
                    throw new OperationFailedException("gitops sync of stack " + stack + " failed: " + result.message());
                }
            }
        }
    }

    /**
     * {@code java -jar gitops.jar sync bench --wait=false ...}: the whole command, JVM start included.
     * {@code --wait=false} rather than {@code --no-wait}: it means the same with every picocli
     * reading of a negatable option whose default is true.
     */
    record JavaJar(Path jar, String dockerHost, Path cacheDir) implements Deployer {
        @Override
        public String name() {
            return "gitops java -jar";
        }

        @Override
        public void deploy(BenchRepository repository, String stack) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            DockerCli.Processes.run(List.of(java, "-jar", jar.toString(), "sync", BenchRepository.ENVIRONMENT,
                    "--repo", repository.folder().toString(), "--cache-dir", cacheDir.toString(), "--wait=false",
                    "--docker-host", dockerHost), Map.of(), Duration.ofMinutes(5));
        }
    }
}
