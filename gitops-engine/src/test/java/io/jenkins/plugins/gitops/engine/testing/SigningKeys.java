package io.jenkins.plugins.gitops.engine.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Signing keys made by the test with the real tools ({@code ssh-keygen}, {@code gpg}) and commits signed by
 * the real {@code git commit -S}, so the engine is checked against what users' tools write. Tests are skipped
 * (not passed) where a tool is missing.
 */
public final class SigningKeys implements AutoCloseable {
    private final Path dir;
    private final List<Path> homes = new ArrayList<>();

    public SigningKeys(Path dir) {
        this.dir = dir;
        assumeTrue(onPath("git") && onPath("ssh-keygen") && onPath("gpg"), "git, ssh-keygen and gpg are needed");
    }

    /** An unencrypted ed25519 key pair; returns the private key file (the public one is {@code <file>.pub}). */
    public Path sshKey(String name, String principal) {
        Path key = dir.resolve(name);
        run(dir, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", principal, "-f", key.toString());
        return key;
    }

    /** An allowed_signers file trusting each key for its principal ({@code principal namespaces="git" key}). */
    public Path allowedSigners(String fileName, Map<String, Path> principalToKey) {
        StringBuilder lines = new StringBuilder("# made by the test\n");
        principalToKey.forEach((principal, key) -> {
            try {
                String[] pub = Files.readString(Path.of(key + ".pub")).trim().split(" ");
                lines.append(principal).append(" namespaces=\"git\" ").append(pub[0]).append(' ').append(pub[1]).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return write(fileName, lines.toString());
    }

    /** A new GnuPG home with one ed25519 signing key for {@code userId}; returns the home. */
    public Path gpgHome(String name, String userId) {
        Path home = dir.resolve(name);
        try {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        homes.add(home);
        run(dir, Map.of("GNUPGHOME", home.toString()), "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                "--quick-gen-key", userId, "ed25519", "sign", "never");
        return home;
    }

    /** The public key of a GnuPG home, as {@code gpg --export --armor} writes it. */
    public Path exportPublic(Path gpgHome, String fileName) {
        return write(fileName, run(dir, Map.of("GNUPGHOME", gpgHome.toString()), "gpg", "--batch", "--export", "--armor"));
    }

    /** Commits everything in {@code workTree} with an SSH signature ({@code gpg.format=ssh}) and pushes it to {@code remote}. */
    public String commitSsh(Path workTree, String remote, Path key, String message) {
        return commit(workTree, remote, Map.of(), message, "-c", "gpg.format=ssh", "-c", "user.signingkey=" + key);
    }

    /** Commits everything with an OpenPGP signature by the key of {@code gpgHome} and pushes it. */
    public String commitGpg(Path workTree, String remote, Path gpgHome, String userId, String message) {
        homes.add(gpgHome);
        return commit(workTree, remote, Map.of("GNUPGHOME", gpgHome.toString()), message, "-c", "gpg.format=openpgp",
                "-c", "user.signingkey=" + userId);
    }

    /** Stops the gpg-agents the GnuPG homes started. */
    @Override
    public void close() {
        for (Path home : homes) {
            try {
                run(dir, Map.of("GNUPGHOME", home.toString()), "gpgconf", "--kill", "gpg-agent");
            } catch (IllegalStateException ignored) {
                // no agent running
            }
        }
    }

    /** Commits everything unsigned with the git command and pushes it. */
    public String commitUnsigned(Path workTree, String remote, String message) {
        return commit(workTree, remote, Map.of(), message, "-c", "commit.gpgsign=false");
    }

    private String commit(Path workTree, String remote, Map<String, String> env, String message, String... config) {
        List<String> git = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.test"));
        git.addAll(List.of(config));
        run(workTree, env, "git", "add", "-A");
        List<String> commit = new ArrayList<>(git);
        commit.addAll(List.of("commit", "-q", "--allow-empty", "-m", message));
        if (!List.of(config).contains("commit.gpgsign=false")) {
            commit.add("-S");
        }
        run(workTree, env, commit.toArray(String[]::new));
        run(workTree, env, "git", "push", "-q", remote, "HEAD:refs/heads/main");
        return run(workTree, env, "git", "rev-parse", "HEAD").trim();
    }

    private Path write(String fileName, String content) {
        try {
            return Files.writeString(dir.resolve(fileName), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command; its standard output, or an exception with its error output. */
    public static String run(Path dir, Map<String, String> env, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().putAll(env);
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("HOME", dir.toString());
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(err));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
