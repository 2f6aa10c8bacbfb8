package io.jenkins.plugins.gitops.engine.source;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * JGit's GitServlet in an embedded Jetty 12 on 127.0.0.1, serving the bare repositories of one
 * folder at {@code /git/<name>.git}, behind HTTP BASIC authentication with one user.
 */
final class GitHttpServer implements AutoCloseable {
    private final Server server;
    private final AtomicReference<PreReceiveHook> preReceive = new AtomicReference<>(PreReceiveHook.NULL);

    GitHttpServer(Path repositories, String user, String password) throws Exception {
        GitServlet git = new GitServlet();
        git.setRepositoryResolver((req, name) -> {
            Path dir = repositories.resolve(name).normalize();
            if (!dir.startsWith(repositories) || !Files.isDirectory(dir)) {
                throw new RepositoryNotFoundException(name);
            }
            try {
                return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        });
        git.setReceivePackFactory((req, db) -> {
            ReceivePack pack = new ReceivePack(db);
            pack.setPreReceiveHook((rp, commands) -> preReceive.get().onPreReceive(rp, commands));
            return pack;
        });
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(git), "/git/*");
        context.addFilter(new FilterHolder(new BasicAuth(user, password)), "/*",
                EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
    }

    String url(String repository) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/git/"
                + repository + ".git";
    }

    /** What the server does before accepting a push (reject, fail); {@link PreReceiveHook#NULL} accepts. */
    void onPush(PreReceiveHook hook) {
        preReceive.set(hook);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class BasicAuth implements Filter {
        private final String expected;

        BasicAuth(String user, String password) {
            this.expected = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (expected.equals(((HttpServletRequest) request).getHeader("Authorization"))) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
            http.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
