package io.jenkins.plugins.gitops;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import io.jenkins.plugins.gitops.engine.pipeline.ControllerAccess;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns Jenkins credentials into the engine's credential types. Every secret value read is added to
 * {@code secrets} so the build log can mask it; none is kept anywhere else. What the controller itself
 * could reach (its {@code ~/.ssh}, files and commands named in a kubeconfig) is refused unless the
 * administrator allowed it ({@link ControllerAccess}).
 */
final class EngineCredentials {
    private final CredentialsLookup lookup;
    private final Collection<String> secrets;
    private final ControllerAccess access;

    EngineCredentials(CredentialsLookup lookup, Collection<String> secrets, ControllerAccess access) {
        this.lookup = lookup;
        this.secrets = secrets;
        this.access = access;
    }

    /**
     * Git: username/password, SSH private key (trusting the repository's configured known hosts), or
     * a token as secret text.
     */
    GitCredentials git(String id, GitOpsRepository repository) {
        GitCredentials credentials = id == null ? GitCredentials.NONE : resolveGit(id);
        GitCredentials.HostKeys hostKeys = access.checkGit(repository.getUrl(), credentials, repository.getKnownHosts());
        return credentials instanceof GitCredentials.SshKey key
                ? GitCredentials.sshKey(key.username(), key.privateKeyPem(), key.passphrase(), hostKeys) : credentials;
    }

    private GitCredentials resolveGit(String id) {
        StandardCredentials found = require(id, "Git");
        if (found instanceof StandardUsernamePasswordCredentials up) {
            return GitCredentials.usernamePassword(up.getUsername(), chars(up.getPassword()));
        }
        if (found instanceof SSHUserPrivateKey key) {
            String pem = String.join("\n", key.getPrivateKeys());
            secrets.add(pem);
            return GitCredentials.sshKey(key.getUsername(), pem, key.getPassphrase() == null ? null : chars(key.getPassphrase()));
        }
        if (found instanceof StringCredentials token) {
            return GitCredentials.token(chars(token.getSecret()));
        }
        throw wrongType(id, "Git", "username with password, SSH username with private key, or secret text (token)");
    }

    /**
     * Kubernetes: a self-contained kubeconfig from a secret file or secret text. Swarm: Docker TLS
     * material from Docker server credentials. The target's context and Docker host complete the
     * settings. Without credentials, the settings hold no kubeconfig: {@link ControllerAccess#checkTarget}
     * then refuses the environment (unless the controller's own access is allowed).
     */
    TargetSettings target(String id, String context, String dockerHost) {
        TargetSettings settings = TargetSettings.DEFAULTS.withKubeconfigFile(null, context).withDockerHost(dockerHost, null);
        if (id == null) {
            return settings;
        }
        StandardCredentials found = require(id, "target");
        if (found instanceof FileCredentials file) {
            return kubeconfig(id, read(id, file), context, dockerHost);
        }
        if (found instanceof StringCredentials text) {
            return kubeconfig(id, reveal(text.getSecret()), context, dockerHost);
        }
        if (found instanceof DockerServerCredentials docker) {
            String key = docker.getClientKeySecret() == null ? null : reveal(docker.getClientKeySecret());
            return new TargetSettings(null, null, context, dockerHost, docker.getServerCaCertificate(),
                    docker.getClientCertificate(), key, null);
        }
        throw wrongType(id, "target", "secret file or secret text (kubeconfig), or Docker server credentials (TLS)");
    }

    private TargetSettings kubeconfig(String id, String content, String context, String dockerHost) {
        access.checkKubeconfig(id, content);
        return new TargetSettings(content, null, context, dockerHost, null, null, null, null);
    }

    private StandardCredentials require(String id, String purpose) {
        StandardCredentials found = lookup.find(id, StandardCredentials.class);
        if (found == null) {
            throw new InvalidInputException("Credentials '" + id + "' for the " + purpose + " were not found or may not be"
                    + " used by this job: check the id under Manage Jenkins > Credentials or the folder's credentials");
        }
        return found;
    }

    private String read(String id, FileCredentials file) {
        try (InputStream in = file.getContent()) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            secrets.add(content);
            return content;
        } catch (IOException e) {
            throw new InvalidInputException("Credentials '" + id + "': cannot read the secret file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private String reveal(Secret secret) {
        String plain = secret.getPlainText();
        secrets.add(plain);
        return plain;
    }

    private char[] chars(Secret secret) {
        return reveal(secret).toCharArray();
    }

    private static InvalidInputException wrongType(String id, String purpose, String expected) {
        return new InvalidInputException("Credentials '" + id + "' cannot be used for the " + purpose + ": use " + expected);
    }
}
