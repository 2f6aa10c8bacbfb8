package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Turns JGit's transport failures into the engine's two exceptions with a message that says what
 * to fix. Messages only ever contain the redacted remote; JGit's own messages (kept as the cause
 * and quoted) print URIs without passwords, and are redacted again to be sure.
 */
final class GitErrors {
    private GitErrors() {
    }

    /** {@code action} is what was being done, for example "fetch from" or "push to". */
    static GitOpsException map(String action, String remote, Exception e) {
        String detail = GitSource.redact(String.valueOf(e.getMessage()));
        String text = chainText(e);
        if (isAuthFailure(text)) {
            return new InvalidInputException("authentication failed for " + remote
                    + ": check the credentials id / username and password (or token, or SSH key) ("
                    + detail + ")", e);
        }
        if (isUnreachable(e, text)) {
            return new OperationFailedException("cannot reach " + remote + " (" + detail
                    + "): check the URL, the network and that the Git server is running", e);
        }
        if (isHostKeyProblem(text)) {
            return new InvalidInputException("the SSH host key of " + remote + " is not trusted (" + detail
                    + "): add the server's key to the known hosts of the credential", e);
        }
        if (isNotFound(e, text)) {
            return new InvalidInputException("repository not found: " + remote
                    + ": check the URL and that the credentials may read it (" + detail + ")", e);
        }
        return new OperationFailedException("cannot " + action + " " + remote + ": " + detail, e);
    }

    private static String chainText(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isAuthFailure(String text) {
        return text.contains("not authorized") || text.contains("authentication is required")
                || text.contains("authentication failed") || text.contains("auth fail")
                || text.contains("no more authentication methods")
                || text.contains("permission denied (publickey");
    }

    private static boolean isUnreachable(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketTimeoutException
                    || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return text.contains("connection refused") || text.contains("unknown host")
                || text.contains("connect timed out") || text.contains("no route to host");
    }

    private static boolean isHostKeyProblem(String text) {
        return text.contains("server key did not validate") || text.contains("host key");
    }

    private static boolean isNotFound(Throwable e, String text) {
        return e instanceof NoRemoteRepositoryException || text.contains("not found")
                || text.contains("does not appear to be a git repository")
                || text.contains("not a git repository");
    }
}
