package io.jenkins.plugins.gitops.bench;

import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A GitOps repository with one Swarm environment {@code bench} whose compose file has N services of
 * the local test image: what every tool under test deploys (docker stack deploy reads the same file
 * from the working tree).
 */
final class BenchRepository implements AutoCloseable {
    static final String ENVIRONMENT = "bench";
    static final String COMPOSE = "environments/bench/docker-compose.yml";
    private static final PersonIdent AUTHOR = new PersonIdent("Benchmark", "bench@example.test");

    private final Path folder;
    private final Git git;
    private final String image;

    private BenchRepository(Path folder, Git git, String image) {
        this.folder = folder;
        this.git = git;
        this.image = image;
    }

    /** {@code image}: the repository of the test image ({@code gitops-test/busybox}, or that name in a registry). */
    static BenchRepository create(Path folder, String stack, int services, String image) {
        try {
            Files.createDirectories(folder.resolve("environments/bench"));
            Files.writeString(folder.resolve("gitops.yaml"), "environments:\n  bench:\n    path: environments/bench\n"
                    + "    target: { swarm: { stack: " + stack + " } }\n    prune: true\n");
            Files.writeString(folder.resolve(COMPOSE), compose(services, image));
            Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
            BenchRepository repository = new BenchRepository(folder, git, image);
            repository.commit("bench: " + services + " services");
            return repository;
        } catch (IOException | GitAPIException e) {
            throw new OperationFailedException("cannot create the benchmark repository in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** {@code version: "3.8"} because docker stack deploy 20.10 refuses a compose file without one. */
    static String compose(int services, String image) {
        StringBuilder sb = new StringBuilder("version: \"3.8\"\nservices:\n");
        for (int i = 1; i <= services; i++) {
            sb.append("  ").append(service(i)).append(":\n")
                    .append("    image: ").append(image).append(":1\n")
                    .append("    command: [sleep, \"86400\"]\n")
                    .append("    environment:\n")
                    .append("      SERVICE_INDEX: \"").append(i).append("\"\n")
                    .append("      LOG_LEVEL: info\n")
                    .append("    labels:\n")
                    .append("      app: bench\n")
                    .append("    stop_grace_period: 1s\n")
                    .append("    deploy:\n")
                    .append("      replicas: 1\n")
                    .append("      resources:\n")
                    .append("        limits: { cpus: '0.10', memory: 32M }\n")
                    .append("      restart_policy: { condition: on-failure, delay: 1s }\n");
        }
        return sb.toString();
    }

    static String service(int index) {
        return String.format("svc%02d", index);
    }

    Path folder() {
        return folder;
    }

    Path composeFile() {
        return folder.resolve(COMPOSE);
    }

    /** Moves one service to tag {@code :2} of the image and commits. */
    void changeImage(int index) {
        try {
            String compose = Files.readString(composeFile());
            String marker = "  " + service(index) + ":\n    image: " + image + ":1\n";
            if (!compose.contains(marker)) {
                throw new IllegalStateException("service " + service(index) + " not found with image :1");
            }
            Files.writeString(composeFile(), compose.replace(marker, marker.replace(":1\n", ":2\n")));
            commit("bench: " + service(index) + " to image 2");
        } catch (IOException e) {
            throw new OperationFailedException("cannot edit " + composeFile() + ": " + e.getMessage(), e);
        }
    }

    private void commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call();
        } catch (GitAPIException e) {
            throw new OperationFailedException("cannot commit in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
