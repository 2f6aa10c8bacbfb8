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
 * are followed while they stay inside the repository; one that leaves it is an error. Submodules
 * (gitlinks) are not part of the tree. Valid while its {@link GitSource} is open.
 */
public final class GitTree implements SourceTree {
    private static final int MAX_LINK_HOPS = 40;

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

    GitTree(Repository repository, String commitId, AnyObjectId rootTree, String remote) {
        this.repository = repository;
        this.commitId = commitId;
        this.rootTree = rootTree.copy();
        this.remote = remote;
    }

    @Override
    public String revision() {
        return commitId;
    }

    @Override
    public boolean isFile(String path) {
        Entry e = locate(path);
        return e != null && e.isFile();
    }

    @Override
    public boolean isDirectory(String path) {
        Entry e = locate(path);
        return e != null && e.isTree();
    }

    @Override
    public List<String> list(String directory) {
        Entry e = locate(directory);
        if (e == null || !e.isTree()) {
            throw new InvalidInputException(directory + ": folder not found in " + where());
        }
        List<String> names = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, e.id());
            for (; !parser.eof(); parser.next()) {
                if (parser.getEntryFileMode() != FileMode.GITLINK) {
                    names.add(parser.getEntryPathString());
                }
            }
        } catch (IOException ex) {
            throw readFailure(directory, ex);
        }
        names.sort(null);
        return names;
    }

    @Override
    public byte[] read(String path) {
        Entry e = locate(path);
        if (e == null || !e.isFile()) {
            throw new InvalidInputException(path + ": file not found in " + where());
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            long size = reader.getObjectSize(e.id(), Constants.OBJ_BLOB);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidInputException(path + ": file is " + size + " bytes, more than the limit of "
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

    /** The entry a path names after following symbolic links, or null if there is none. */
    private Entry locate(String path) {
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
                if (child.mode() != FileMode.SYMLINK) {
                    walked.add(name);
                    current = child;
                    continue;
                }
                if (++hops > MAX_LINK_HOPS) {
                    throw new InvalidInputException(path + ": too many levels of symbolic links; remove the link loop");
                }
                String link = RepoPaths.child(String.join("/", walked), name);
                String target = new String(reader.open(child.id(), Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
                List<String> resolved = parts(linkTarget(path, link, String.join("/", walked), target));
                for (int i = resolved.size() - 1; i >= 0; i--) {
                    pending.addFirst(resolved.get(i));
                }
                walked.clear();
                current = new Entry(rootTree, FileMode.TREE);
            }
            return current;
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
        return new OperationFailedException(path + ": cannot read from the Git cache of " + where() + ": "
                + e.getMessage() + "; delete the cache folder to fetch again", e);
    }
}
