package io.jenkins.plugins.gitops;

import io.jenkins.plugins.gitops.engine.Clock;

/** A planted defect: a record in a build action; XStream cannot read it back. */
public record Stamp(long at, Clock clock) {
}
