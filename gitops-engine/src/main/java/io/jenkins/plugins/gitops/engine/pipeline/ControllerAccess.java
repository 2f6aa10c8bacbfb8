package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a Pipeline may reach through the GitOps steps on the Jenkins controller, where they run. A
 * Jenkinsfile author must not be able to use the controller's own identity: its kubeconfig or
 * in-cluster service account (fabric8's auto-configuration), its Docker socket or {@code DOCKER_HOST},
 * its {@code ~/.ssh} keys and known hosts, commands or files named in a kubeconfig, or its file system
 * as a "repository". Each check refuses, naming the fix, unless the administrator allowed the
 * controller's own access globally ({@code controllerAccess}) or unconfigured repositories
 * ({@code unconfiguredRepositories}); both are off by default.
 *
 * @param controllerAccess         the controller's kubeconfig, service account, Docker socket, SSH keys and
 *                                 known hosts, and kubeconfigs that run commands or read files, may be used
 * @param unconfiguredRepositories steps may name remote repositories that are not configured (never a local path)
 */
public record ControllerAccess(boolean controllerAccess, boolean unconfiguredRepositories) {
    /** The defaults: nothing of the controller's own, only configured repositories. */
    public static final ControllerAccess NONE = new ControllerAccess(false, false);

    static final String ALLOW = "an administrator may allow it under Manage Jenkins > System > GitOps"
            + " (\"Let pipelines use the controller's own credentials\")";
    /** user@host:path, the scp-like form Git reads as SSH. */
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\s]+@)?[^/:\\s]{2,}:(?!//).+");
    /** Kubeconfig keys that make the client read a file or run a command on the machine it runs on. */
    private static final List<String> USER_KEYS = List.of("exec", "auth-provider", "tokenFile", "client-certificate",
            "client-key");
    private static final List<String> CLUSTER_KEYS = List.of("certificate-authority");

    /** How a repository location reaches Git. */
    public enum Location { LOCAL, SSH, REMOTE }

    /** {@code https://}, {@code git://}: remote; {@code ssh://}, {@code git@host:path}: SSH; paths and {@code file:}: local. */
    public static Location locate(String repository) {
        String location = repository.trim();
        int scheme = location.indexOf("://");
        if (scheme > 0) {
            String name = location.substring(0, scheme).toLowerCase(Locale.ROOT);
            return name.equals("file") ? Location.LOCAL : name.contains("ssh") ? Location.SSH : Location.REMOTE;
        }
        if (location.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return Location.LOCAL;
        }
        return SCP_LIKE.matcher(location).matches() ? Location.SSH : Location.LOCAL;
    }

    /**
     * A repository named by a step: configured ones always; others only when allowed, and never a
     * local path (that would read the controller's file system, including JENKINS_HOME).
     *
     * @param configured whether an administrator configured this repository
     */
    public void checkRepository(String repository, boolean configured) {
        if (configured) {
            return;
        }
        if (!unconfiguredRepositories) {
            throw new InvalidInputException("repository '" + repository + "' is not configured under Manage Jenkins >"
                    + " System > GitOps: ask an administrator to add it (with its credentials and environment targets)"
                    + ", or to allow unconfigured repositories");
        }
        if (locate(repository) == Location.LOCAL) {
            throw new InvalidInputException("repository '" + repository + "' is a path on the Jenkins controller: only an"
                    + " administrator may configure local repositories (Manage Jenkins > System > GitOps); use its Git URL");
        }
    }

    /**
     * Git access: an SSH repository needs an SSH key credential, and host keys configured with the
     * repository; the controller's {@code ~/.ssh} keys, agent and known hosts are its own.
     *
     * @param knownHosts known_hosts lines configured with the repository, or null
     * @return the host keys to trust for an SSH key credential
     */
    public GitCredentials.HostKeys checkGit(String repository, GitCredentials credentials, String knownHosts) {
        boolean ssh = locate(repository) == Location.SSH;
        boolean key = credentials instanceof GitCredentials.SshKey;
        if (ssh && !key && !controllerAccess) {
            throw new InvalidInputException("repository '" + repository + "' is reached over SSH without an SSH key"
                    + " credential, which would use the controller's own ~/.ssh keys: give it SSH Username with private"
                    + " key credentials; " + ALLOW);
        }
        if (knownHosts != null && !knownHosts.isBlank()) {
            return GitCredentials.HostKeys.trust(knownHosts);
        }
        if (ssh && key && !controllerAccess) {
            throw new InvalidInputException("repository '" + repository + "': SSH needs the server's host keys, and the"
                    + " controller's ~/.ssh/known_hosts is not used: add the known_hosts lines of the Git server"
                    + " (ssh-keyscan HOST) to the repository's \"Known hosts\" under Manage Jenkins > System > GitOps");
        }
        return GitCredentials.HostKeys.USER_KNOWN_HOSTS;
    }

    /**
     * Target access: a Kubernetes environment needs a kubeconfig from credentials, a Swarm one a
     * Docker host configured by an administrator; otherwise the target library would fall back to
     * the controller's own (fabric8: {@code ~/.kube/config} or the pod's service account; Docker:
     * {@code DOCKER_HOST} or {@code unix:///var/run/docker.sock}).
     */
    public void checkTarget(Environment environment, TargetSettings settings) {
        if (controllerAccess) {
            return;
        }
        boolean swarm = environment.target().type() == TargetSpec.Type.SWARM;
        if (!swarm && settings.kubeconfig() == null) {
            throw new InvalidInputException("environment '" + environment.name() + "' (Kubernetes) has no target"
                    + " credentials: add a secret file or secret text with a kubeconfig as its environment target under"
                    + " Manage Jenkins > System > GitOps, or pass targetCredentialsId:; the controller's own kubeconfig and"
                    + " service account are not used; " + ALLOW);
        }
        if (swarm && (settings.dockerHost() == null || settings.dockerHost().isBlank())) {
            throw new InvalidInputException("environment '" + environment.name() + "' (Docker Swarm) has no Docker host:"
                    + " set one (tcp://manager:2376 with Docker Server Credentials) as its environment target under"
                    + " Manage Jenkins > System > GitOps; the controller's own DOCKER_HOST and Docker socket are not used; "
                    + ALLOW);
        }
    }

    /**
     * A kubeconfig from a credential must hold everything it needs: no command to run ({@code exec},
     * {@code auth-provider}) and no file to read ({@code tokenFile}, {@code client-certificate},
     * {@code client-key}, {@code certificate-authority}) on the controller; use the {@code -data}
     * forms and {@code token}. The content is never quoted in messages.
     *
     * @param credentialsId names the credential in messages
     */
    public void checkKubeconfig(String credentialsId, String kubeconfig) {
        if (controllerAccess) {
            return;
        }
        Object root = parse(credentialsId, kubeconfig);
        if (!(root instanceof Map<?, ?> config)) {
            throw new InvalidInputException("Credentials '" + credentialsId + "': not a kubeconfig (a YAML mapping with"
                    + " clusters, users and contexts)");
        }
        List<String> found = new ArrayList<>();
        collect(config.get("users"), "user", USER_KEYS, found);
        collect(config.get("clusters"), "cluster", CLUSTER_KEYS, found);
        if (!found.isEmpty()) {
            throw new InvalidInputException("Credentials '" + credentialsId + "': the kubeconfig would run a command or"
                    + " read a file on the Jenkins controller (" + String.join(", ", found) + "); use token,"
                    + " client-certificate-data, client-key-data and certificate-authority-data instead; " + ALLOW);
        }
    }

    private static Object parse(String credentialsId, String kubeconfig) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(1024 * 1024);
        try {
            return new Yaml(new SafeConstructor(options)).load(kubeconfig == null ? "" : kubeconfig);
        } catch (MarkedYAMLException e) {
            // the parser's message may quote the content (a token): keep only where it failed
            throw new InvalidInputException("Credentials '" + credentialsId + "': the kubeconfig is not valid YAML (line "
                    + (e.getProblemMark() == null ? "?" : e.getProblemMark().getLine() + 1) + ")");
        } catch (YAMLException e) {
            throw new InvalidInputException("Credentials '" + credentialsId + "': the kubeconfig is not valid YAML");
        }
    }

    /** Adds {@code users[name].user.exec}-style paths of the forbidden keys in a named list of kubeconfig entries. */
    private static void collect(Object list, String field, List<String> keys, List<String> found) {
        if (!(list instanceof List<?> entries)) {
            return;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> named && named.get(field) instanceof Map<?, ?> body) {
                for (String key : keys) {
                    if (body.get(key) != null) {
                        found.add(field + " '" + named.get("name") + "': " + key);
                    }
                }
            }
        }
    }
}
