package io.jenkins.plugins.gitops;

import java.util.Objects;

/**
 * A (repository, environment) pair a job deployed, kept with the job ({@link JobDeployments}): its
 * job page may roll back only these. Persisted by XStream: plain strings only.
 */
public final class DeployedEnvironment {
    private final String repository;
    private final String environment;

    DeployedEnvironment(String repository, String environment) {
        this.repository = repository;
        this.environment = environment;
    }

    public String getRepository() {
        return repository;
    }

    public String getEnvironment() {
        return environment;
    }

    boolean is(String otherRepository, String otherEnvironment) {
        return Objects.equals(repository, otherRepository) && Objects.equals(environment, otherEnvironment);
    }
}
