package io.jenkins.plugins.gitops.engine;

/** A library class the plugin does not whitelist. */
public final class Clock {
    private long millis;
}
