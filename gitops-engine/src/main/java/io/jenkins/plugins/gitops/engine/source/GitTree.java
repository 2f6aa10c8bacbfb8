package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * The files of one commit, read straight from the object database (no checkout). Symbolic links
 * are followed while they stay inside the repository; one that leaves it is an error. A submodule
 * (gitlink) is a folder holding the submodule's files at the commit the gitlink records, opened by
 * the {@link Submodules} the tree was made with (as {@code git clone --recurse-submodules} and Flux's
 * {@code recurseSubmodules} check them out); one that cannot be opened is an error naming it, never
 * an empty folder. Valid while its {@link GitSource} is open.
 */
public final class GitTree implements SourceTree {
    private static final int MAX_LINK_HOPS = 40;

    /** Opens the files of the submodule at {@code path} of a tree, at the commit its gitlink records. */
    @FunctionalInterface
    interface Submodules {
        SourceTree open(GitTree superproject, String path, ObjectId commit);
    }

    /** Where a path leads: an entry of this tree, or a path inside a submodule's tree. */
    private record Found(Entry entry, SourceTree submodule, String rest) {
        static Found entry(Entry entry) {
            return entry == null ? null : new Found(entry, null, null);
        }
    }

    private record Entry(ObjectId id, FileMode mode) {
        boolean isFile() {
            return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
        }

        boolean isTree() {
            return mode == FileMode.TREE;
        }
    }

    private final Repository repository;
    private final String commitId;
    private final ObjectId rootTree;
    private final String remote;
    private final Submodules submodules;
    private final String shownPrefix;

    /**
     * @param submodules  opens submodules met on a path
     * @param shownPrefix what error messages put in front of paths: {@code ""}, or the submodule's path in
     *                    its superproject ({@code environments/prod/vendor/})
     */
    GitTree(Repository repository, String commitId, AnyObjectId rootTree, String remote, Submodules submodules,
            String shownPrefix) {
        this.repository = repository;
        this.commitId = commitId;
        this.rootTree = rootTree.copy();
        this.remote = remote;
        this.submodules = submodules;
        this.shownPrefix = shownPrefix;
    }

    @Override
    public String revision() {
        return commitId;
    }

    @Override
    public boolean isFile(String path) {
        Found f = locate(path);
        return f != null && (f.submodule() != null ? f.submodule().isFile(f.rest()) : f.entry().isFile());
    }

    @Override
    public boolean isDirectory(String path) {
        Found f = locate(path);
        return f != null && (f.submodule() != null ? f.submodule().isDirectory(f.rest()) : f.entry().isTree());
    }

    /** Names of files, folders and submodules (which are folders); symbolic links by their own name. */
    @Override
    public List<String> list(String directory) {
        Found f = locate(directory);
        if (f != null && f.submodule() != null) {
            return f.submodule().list(f.rest());
        }
        if (f == null || !f.entry().isTree()) {
            throw new InvalidInputException(shown(directory) + ": folder not found in " + where());
        }
        List<String> names = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, f.entry().id());
            for (; !parser.eof(); parser.next()) {
                names.add(parser.getEntryPathString());
            }
        } catch (IOException ex) {
            throw readFailure(directory, ex);
        }
        names.sort(null);
        return names;
    }

    @Override
    public byte[] read(String path) {
        Found f = locate(path);
        if (f != null && f.submodule() != null) {
            return f.submodule().read(f.rest());
        }
        Entry e = f == null ? null : f.entry();
        if (e == null || !e.isFile()) {
            throw new InvalidInputException(shown(path) + ": file not found in " + where());
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            long size = reader.getObjectSize(e.id(), Constants.OBJ_BLOB);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidInputException(shown(path) + ": file is " + size + " bytes, more than the limit of "
                        + MAX_FILE_BYTES + " bytes; split it into smaller files");
            }
            return reader.open(e.id(), Constants.OBJ_BLOB).getBytes();
        } catch (IOException ex) {
            throw readFailure(path, ex);
        }
    }

    private String where() {
        return remote + " at " + (commitId.length() > 12 ? commitId.substring(0, 12) : commitId);
    }

    private String shown(String path) {
        return shownPrefix + path;
    }

    /** The entry a path names after following symbolic links (or the submodule it leads into), or null. */
    private Found locate(String path) {
        String normalized = RepoPaths.normalize(path == null ? "" : path, path);
        Deque<String> pending = new ArrayDeque<>(parts(normalized));
        List<String> walked = new ArrayList<>();
        Entry current = new Entry(rootTree, FileMode.TREE);
        int hops = 0;
        try (ObjectReader reader = repository.newObjectReader()) {
            while (!pending.isEmpty()) {
                String name = pending.removeFirst();
                if (!current.isTree()) {
                    return null;
                }
                Entry child = child(reader, current.id(), name);
                if (child == null) {
                    return null;
                }
                if (child.mode() == FileMode.GITLINK) {
                    walked.add(name);
                    return new Found(null, submodules.open(this, String.join("/", walked), child.id()),
                            String.join("/", pending));
                }
                if (child.mode() != FileMode.SYMLINK) {
                    walked.add(name);
                    current = child;
                    continue;
                }
                if (++hops > MAX_LINK_HOPS) {
                    throw new InvalidInputException(shown(path) + ": too many levels of symbolic links; remove the link loop");
                }
                String link = RepoPaths.child(String.join("/", walked), name);
                String target = new String(reader.open(child.id(), Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
                List<String> resolved = parts(linkTarget(shown(path), shown(link), String.join("/", walked), target));
                for (int i = resolved.size() - 1; i >= 0; i--) {
                    pending.addFirst(resolved.get(i));
                }
                walked.clear();
                current = new Entry(rootTree, FileMode.TREE);
            }
            return Found.entry(current);
        } catch (IOException ex) {
            throw readFailure(path, ex);
        }
    }

    private static String linkTarget(String path, String link, String linkFolder, String target) {
        try {
            return RepoPaths.resolve(linkFolder, target, link);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(path + ": symbolic link '" + link + "' points outside the repository (to '"
                    + target + "'); only files inside the repository can be used", e);
        }
    }

    private static Entry child(ObjectReader reader, ObjectId tree, String name) throws IOException {
        CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
        for (; !parser.eof(); parser.next()) {
            if (parser.getEntryPathString().equals(name)) {
                return new Entry(parser.getEntryObjectId(), parser.getEntryFileMode());
            }
        }
        return null;
    }

    private static List<String> parts(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split("/"));
    }

    private OperationFailedException readFailure(String path, IOException e) {
        return new OperationFailedException(shown(path) + ": cannot read from the Git cache of " + where() + ": "
                + e.getMessage() + "; delete the cache folder to fetch again", e);
    }
}
