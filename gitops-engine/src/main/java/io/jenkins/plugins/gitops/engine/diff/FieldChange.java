package io.jenkins.plugins.gitops.engine.diff;

/**
 * One difference at a JSON pointer. {@code desired == null} means Git no longer sets a field that
 * was applied before; {@code live == null} means the live object lacks it. Secret values are
 * already replaced by {@link Redaction#REDACTED} markers here.
 */
public record FieldChange(String pointer, Object desired, Object live) {
    @Override
    public String toString() {
        return pointer + ": " + live + " -> " + desired;
    }
}
