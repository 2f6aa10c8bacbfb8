package io.jenkins.plugins.gitops;

import io.jenkins.plugins.gitops.engine.Clock;

/** A plugin class persisted inside HelloAction, holding a library class nobody whitelisted. */
public final class Note {
    private String text;
    private Clock clock;
}
