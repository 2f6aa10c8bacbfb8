package io.jenkins.plugins.gitops.engine.promote;

/**
 * One image a promotion changes: {@code oldRef} is what the target runs, {@code newRef} what the
 * source runs (both full references as {@link ImageRef#toString()} writes them).
 */
public record ImageChange(String name, String oldRef, String newRef) {
}
