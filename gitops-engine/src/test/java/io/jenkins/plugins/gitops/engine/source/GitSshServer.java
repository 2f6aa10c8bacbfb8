package io.jenkins.plugins.gitops.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An Apache MINA sshd server on 127.0.0.1 that runs JGit's upload-pack / receive-pack for the
 * bare repositories of one folder ({@code ssh://git@127.0.0.1:PORT/<name>.git}), accepting only
 * one client public key.
 */
final class GitSshServer implements AutoCloseable {
    private final SshServer server;
    private final KeyPair hostKey;

    GitSshServer(Path repositories, PublicKey authorizedKey) throws Exception {
        hostKey = rsa();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorizedKey));
        server.setCommandFactory(new GitCommands(repositories));
        server.start();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** PKCS#8 PEM text of a private key, as a Jenkins credential would hold it. */
    static String pem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    String url(String repository) {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/" + repository + ".git";
    }

    /** The known_hosts line for this server, as {@code ssh-keyscan -p PORT 127.0.0.1} prints it. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private record GitCommands(Path repositories) implements CommandFactory {
        @Override
        public Command createCommand(ChannelSession channel, String command) {
            List<String> args = CommandFactory.split(command);
            String name = args.size() == 2 ? args.get(1).replaceAll("^'|'$", "").replaceFirst("^/", "") : "";
            return new GitCommand(args.isEmpty() ? "" : args.get(0), repositories.resolve(name).normalize(),
                    repositories);
        }
    }

    private static final class GitCommand implements Command {
        private final String program;
        private final Path repository;
        private final Path root;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        GitCommand(String program, Path repository, Path root) {
            this.program = program;
            this.repository = repository;
            this.root = root;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread worker = new Thread(this::run, "git-ssh-" + program);
            worker.setDaemon(true);
            worker.start();
        }

        private void run() {
            if (!repository.startsWith(root) || !Files.isDirectory(repository)) {
                fail("fatal: '" + root.relativize(repository) + "' does not appear to be a git repository");
                return;
            }
            try (Repository db = new FileRepositoryBuilder().setGitDir(repository.toFile()).setMustExist(true).build()) {
                switch (program) {
                    case "git-upload-pack" -> new UploadPack(db).upload(in, out, err);
                    case "git-receive-pack" -> new ReceivePack(db).receive(in, out, err);
                    default -> {
                        fail("fatal: unsupported command " + program);
                        return;
                    }
                }
                out.flush();
                exit.onExit(0);
            } catch (IOException | RuntimeException e) {
                fail("fatal: " + e.getMessage());
            }
        }

        private void fail(String message) {
            try {
                err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException ignored) {
                // the client went away
            }
            exit.onExit(1, message);
        }

        @Override
        public void destroy(ChannelSession channel) {
            // the worker ends when the streams close
        }
    }
}
