package io.jenkins.plugins.gitops.engine.promote;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link ReleaseWriter} would change in an environment's folder: the new content of each changed
 * file (repository path to bytes; unchanged files are absent), the images it did not write and why
 * ({@code registry/app:1.2: not used in environments/prod, skipped}), and notes for the reviewer.
 */
public record ReleaseEdit(Map<String, byte[]> files, List<String> skipped, List<String> notes) {
    public ReleaseEdit {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
