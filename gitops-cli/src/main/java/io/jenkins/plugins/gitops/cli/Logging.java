package io.jenkins.plugins.gitops.cli;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * What the command's log shows. By default only the product's own lines ({@code io.jenkins.plugins.gitops},
 * INFO and up); every third-party library (fabric8, Vert.x, JGit, docker-java, helm-java, ...) is silent,
 * through SLF4J (slf4j-simple) and java.util.logging alike, so warnings such as fabric8's
 * {@code VersionUsageUtils} notes never mix into the command's output. {@code --verbose} shows the
 * libraries' INFO lines too, and the product's DEBUG lines.
 * <p>
 * slf4j-simple fixes its default level when the first logger is made, so this must run before
 * anything logs: {@link Main#run} calls it first, with the raw arguments.
 */
final class Logging {
    static final String VERBOSE_OPTION = "--verbose";
    private static final String SIMPLE = "org.slf4j.simpleLogger.";
    private static final String OWN = "io.jenkins.plugins.gitops";

    private Logging() {
    }

    /** Whether the arguments ask for {@code --verbose} (anywhere before a {@code --} end of options). */
    static boolean verbose(List<String> args) {
        for (String arg : args) {
            if ("--".equals(arg)) {
                return false;
            }
            if (VERBOSE_OPTION.equals(arg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets the levels for this run. System properties set by the user (for example
     * {@code -Dorg.slf4j.simpleLogger.log.io.fabric8=debug}) win over both defaults.
     */
    static void configure(boolean verbose) {
        setIfAbsent(SIMPLE + "defaultLogLevel", verbose ? "info" : "off");
        setIfAbsent(SIMPLE + "log." + OWN, verbose ? "debug" : "info");
        // libraries that log through java.util.logging (fabric8's mock web server, Vert.x without SLF4J)
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        if (root != null) {
            root.setLevel(verbose ? Level.INFO : Level.OFF);
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
