package io.jenkins.plugins.gitops;

import hudson.init.Terminator;

/** A conforming shutdown hook. */
public final class Shutdown {
    private Shutdown() {
    }

    @Terminator
    public static void stop() {
    }
}
