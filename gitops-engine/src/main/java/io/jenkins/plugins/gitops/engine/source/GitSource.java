package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import io.jenkins.plugins.gitops.engine.model.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Git remote as the source of truth. The remote is cloned once, bare, into
 * {@code cacheRoot/<hash of the remote>} and fetched incrementally afterwards; the cache is shared
 * by every {@code GitSource} on the same remote (a file lock guards fetches and pushes, also across
 * processes). Trees are read straight from the object database, and commits are built without a
 * work tree. Nothing secret is written to the cache: the remote URL and credentials stay in memory.
 *
 * <p>An instance fetches at most once (on first use) until {@link #refresh()}; it is meant for one
 * operation such as a sync or a promotion, then {@link #close()}d.
 */
public final class GitSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GitSource.class);
    private static final String TRACKING = "refs/remotes/origin/";
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/?#]*@");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,39}");

    private final GitRemote remote;
    private final SubmoduleSources submodules;
    private final Path lockFile;
    private final Repository repository;
    private boolean fetched;
    private String defaultBranch;

    public GitSource(String remote, GitCredentials credentials, Path cacheRoot) {
        this.remote = new GitRemote(remote, credentials);
        this.submodules = new SubmoduleSources(this.remote, cacheRoot);
        try {
            String key = cacheKey(this.remote.display());
            Files.createDirectories(cacheRoot);
            this.lockFile = cacheRoot.resolve(key + ".lock");
            try (CacheLock lock = CacheLock.acquire(lockFile)) {
                this.repository = openCache(cacheRoot.resolve(key));
            }
        } catch (IOException | RuntimeException e) {
            this.remote.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new OperationFailedException("cannot create the Git cache in " + cacheRoot + ": " + e.getMessage(), e);
        }
    }

    /** Removes user-info (user names, passwords, tokens) from every URL in {@code text}. */
    public static String redact(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1");
    }

    /** Fetch again on the next call that needs the remote's state. */
    public synchronized void refresh() {
        fetched = false;
    }

    /** The branch the remote's HEAD points to (usually main or master). */
    public String defaultBranch() {
        ensureFetched();
        if (defaultBranch == null) {
            throw new InvalidInputException(remote.display() + " has no branches yet (empty repository);"
                    + " push a first commit to it");
        }
        return defaultBranch;
    }

    /**
     * A branch, tag, full or abbreviated commit id; null or {@code HEAD} means the default branch.
     * Unknown revisions are an {@link InvalidInputException} naming the revision and the remote.
     */
    public Revision resolve(String revision) {
        ensureFetched();
        boolean head = revision == null || revision.isBlank() || revision.trim().equals(Constants.HEAD);
        String requested = head ? defaultBranch() : revision.trim();
        try (RevWalk walk = new RevWalk(repository)) {
            return toRevision(walk.parseCommit(lookup(requested)), requested);
        } catch (IOException e) {
            throw cacheFailure(e);
        }
    }

    /** The files at a resolved revision. */
    public SourceTree tree(Revision revision) {
        Objects.requireNonNull(revision, "revision");
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(revision.commitId()));
            return new GitTree(repository, commit.name(), commit.getTree(), remote.display(), submodules, "");
        } catch (MissingObjectException | IncorrectObjectTypeException | IllegalArgumentException e) {
            throw unknownRevision(revision.commitId());
        } catch (IOException e) {
            throw cacheFailure(e);
        }
    }

    /**
     * Commits the changes {@code edit} makes to the tree at the tip of {@code branch} (path to new
     * content, null to delete) and pushes the commit, never forcing. When someone else pushed in
     * between, the tip is fetched again and {@code edit} runs again on it, up to {@code maxAttempts}
     * times. No real change means nothing is committed or pushed.
     */
    public PushResult commitAndPush(String branch, String message, PersonIdent author,
            Function<SourceTree, Map<String, byte[]>> edit, int maxAttempts) {
        return commitAndPush(branch, message, author, edit, maxAttempts, CommitSigning.NONE);
    }

    /** As above, each commit passed to {@code signing} (which may sign or refuse it) before it is written. */
    public PushResult commitAndPush(String branch, String message, PersonIdent author,
            Function<SourceTree, Map<String, byte[]>> edit, int maxAttempts, CommitSigning signing) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(edit, "edit");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        String name = branchName(branch);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            RevCommit tip = fetchBranch(name);
            Map<String, byte[]> changes = edit.apply(new GitTree(repository, tip.name(), tip.getTree(), remote.display(),
                    submodules, ""));
            if (changes == null || changes.isEmpty()) {
                return new PushResult(tip.name(), attempt, List.of());
            }
            TreeEdit.Outcome outcome;
            ObjectId commit;
            try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
                outcome = TreeEdit.apply(tip.getTree(), changes, reader, inserter);
                if (outcome.changedPaths().isEmpty()) {
                    LOG.info("nothing to commit on branch {} of {}: the files already have that content",
                            name, remote.display());
                    return new PushResult(tip.name(), attempt, List.of());
                }
                CommitBuilder builder = new CommitBuilder();
                builder.setTreeId(outcome.tree());
                builder.setParentId(tip);
                builder.setAuthor(author);
                builder.setCommitter(new PersonIdent(author.getName(), author.getEmailAddress()));
                builder.setMessage(message);
                signing.sign(repository, builder);
                commit = inserter.insert(builder);
                inserter.flush();
            } catch (IOException e) {
                throw cacheFailure(e);
            }
            if (push(name, tip, commit)) {
                LOG.info("pushed {} to branch {} of {} ({} files changed, attempt {})",
                        commit.name(), name, remote.display(), outcome.changedPaths().size(), attempt);
                return new PushResult(commit.name(), attempt, outcome.changedPaths());
            }
            LOG.info("push to branch {} of {} rejected because the branch moved; fetching it again (attempt {} of {})",
                    name, remote.display(), attempt, maxAttempts);
        }
        throw new OperationFailedException("push to branch '" + name + "' of " + remote.display() + " was rejected "
                + maxAttempts + " times because others pushed to it at the same time; run the operation again");
    }

    /** Reads a commit of the cache with JGit (signature checks); the commit must have been resolved before. */
    public <T> T readCommit(String commitId, java.util.function.BiFunction<Repository, RevCommit, T> reader) {
        try (RevWalk walk = new RevWalk(repository)) {
            return reader.apply(repository, walk.parseCommit(ObjectId.fromString(commitId)));
        } catch (MissingObjectException | IncorrectObjectTypeException | IllegalArgumentException e) {
            throw unknownRevision(commitId);
        } catch (IOException e) {
            throw cacheFailure(e);
        }
    }

    /**
     * Commits of {@code branch} (null or {@code HEAD}: the default branch) that touch {@code path}
     * (a file or folder; null or empty: any), newest first, at most {@code max}.
     */
    public List<Revision> log(String branch, String path, int max) {
        ensureFetched();
        String requested = branch == null || branch.isBlank() || branch.trim().equals(Constants.HEAD)
                ? defaultBranch() : branchName(branch);
        List<Revision> revisions = new ArrayList<>();
        try (Git git = Git.wrap(repository)) {
            LogCommand log = git.log().add(lookup(requested)).setMaxCount(max);
            String normalized = path == null ? "" : RepoPaths.normalize(path, path);
            if (!normalized.isEmpty()) {
                log.addPath(normalized);
            }
            for (RevCommit c : log.call()) {
                revisions.add(toRevision(c, c.name()));
            }
            return revisions;
        } catch (GitAPIException | IOException e) {
            throw new OperationFailedException("cannot read the history of " + requested + " in " + remote.display()
                    + ": " + redact(e.getMessage()), e);
        }
    }

    /**
     * Author times of the commits reachable from {@code commitId} and from none of {@code deployedBefore}
     * (commit ids; ids this repository does not have are ignored), at most {@code max}, keyed by commit id.
     * With no earlier commit to exclude, only {@code commitId} itself. Read from the cache as it is (call
     * after {@link #resolve} or {@link #refresh}); an unknown {@code commitId} gives an empty map.
     */
    public Map<String, Instant> authorTimes(String commitId, Collection<String> deployedBefore, int max) {
        ensureFetched();
        Map<String, Instant> out = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit start = parseOrNull(walk, commitId);
            if (start == null) {
                return out;
            }
            int excluded = 0;
            for (String id : deployedBefore) {
                RevCommit earlier = parseOrNull(walk, id);
                if (earlier != null) {
                    walk.markUninteresting(earlier);
                    excluded++;
                }
            }
            if (excluded == 0) {
                out.put(start.name(), start.getAuthorIdent().getWhenAsInstant());
                return out;
            }
            walk.markStart(start);
            for (RevCommit c : walk) {
                if (out.size() >= max) {
                    break;
                }
                out.put(c.name(), c.getAuthorIdent().getWhenAsInstant());
            }
            return out;
        } catch (IOException e) {
            throw cacheFailure(e);
        }
    }

    private static RevCommit parseOrNull(RevWalk walk, String id) throws IOException {
        if (id == null || !id.matches("[0-9a-f]{40}")) {
            return null;
        }
        try {
            return walk.parseCommit(ObjectId.fromString(id));
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            return null;
        }
    }

    /**
     * The files of this repository (a submodule's) at a commit a superproject records, fetching once
     * when the cache does not have it yet.
     *
     * @param shownPrefix the submodule's path in the superproject, for messages
     */
    SourceTree submoduleTree(ObjectId commit, String shownPrefix) {
        RevCommit found = commitOrNull(commit);
        if (found == null) {
            ensureFetched();
            found = commitOrNull(commit);
        }
        if (found == null) {
            throw new InvalidInputException("commit " + commit.name() + " is not on any branch or tag of "
                    + remote.display() + "; push it there, or record a pushed commit for the submodule");
        }
        return new GitTree(repository, found.name(), found.getTree(), remote.display(), submodules, shownPrefix);
    }

    private RevCommit commitOrNull(ObjectId id) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            return null;
        } catch (IOException e) {
            throw cacheFailure(e);
        }
    }

    @Override
    public void close() {
        submodules.close();
        repository.close();
        remote.close();
    }

    private synchronized void ensureFetched() {
        if (fetched) {
            return;
        }
        try (CacheLock lock = CacheLock.acquire(lockFile); Transport transport = remote.open(repository)) {
            transport.setTagOpt(TagOpt.NO_TAGS);
            transport.setRemoveDeletedRefs(true);
            FetchResult result = transport.fetch(NullProgressMonitor.INSTANCE, List.of(
                    new RefSpec("+" + Constants.R_HEADS + "*:" + TRACKING + "*"),
                    new RefSpec("+" + Constants.R_TAGS + "*:" + Constants.R_TAGS + "*")));
            checkRefsUpdated(result);
            defaultBranch = defaultBranch(result);
            fetched = true;
            LOG.debug("fetched {} (default branch {})", remote.display(), defaultBranch);
        } catch (IOException e) {
            throw GitErrors.map("fetch from", remote.display(), e);
        }
    }

    private RevCommit fetchBranch(String name) {
        try (CacheLock lock = CacheLock.acquire(lockFile); Transport transport = remote.open(repository)) {
            transport.setTagOpt(TagOpt.NO_TAGS);
            checkRefsUpdated(transport.fetch(NullProgressMonitor.INSTANCE,
                    List.of(new RefSpec("+" + Constants.R_HEADS + name + ":" + TRACKING + name))));
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("does not have")) {
                throw new InvalidInputException("branch '" + name + "' does not exist in " + remote.display()
                        + "; check the name or create the branch first", e);
            }
            throw GitErrors.map("fetch from", remote.display(), e);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(repository.exactRef(TRACKING + name).getObjectId());
        } catch (IOException e) {
            throw cacheFailure(e);
        }
    }

    /** True when pushed; false when the branch moved since {@code expectedTip} (retry). */
    private boolean push(String name, ObjectId expectedTip, ObjectId commit) {
        String remoteRef = Constants.R_HEADS + name;
        try (CacheLock lock = CacheLock.acquire(lockFile); Transport transport = remote.open(repository)) {
            RemoteRefUpdate update = new RemoteRefUpdate(repository, (String) null, commit, remoteRef, false,
                    TRACKING + name, expectedTip);
            RemoteRefUpdate done = transport.push(NullProgressMonitor.INSTANCE, List.of(update)).getRemoteUpdate(remoteRef);
            String reason = done.getMessage() == null ? "" : redact(done.getMessage());
            switch (done.getStatus()) {
                case OK, UP_TO_DATE:
                    return true;
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
                    return false;
                case REJECTED_OTHER_REASON:
                    if (reason.contains("lock") || reason.contains("fast-forward") || reason.contains("fast forward")) {
                        return false;
                    }
                    throw new OperationFailedException("push to branch '" + name + "' of " + remote.display()
                            + " was refused by the server: " + reason
                            + "; check the branch protection rules and that the credentials may push");
                default:
                    throw new OperationFailedException("push to branch '" + name + "' of " + remote.display()
                            + " failed (" + done.getStatus() + (reason.isEmpty() ? "" : ": " + reason) + ")");
            }
        } catch (TransportException | NotSupportedException e) {
            throw GitErrors.map("push to", remote.display(), e);
        } catch (IOException e) {
            throw cacheFailure(e);
        }
    }

    /**
     * Finds a revision the way {@code git rev-parse} does, but refuses what git only warns about: a
     * name that is both a branch and a tag ("refname is ambiguous"), or both a ref and an abbreviated
     * commit id. {@code refs/heads/X}, {@code refs/tags/X} and {@code origin/X} select one; a full
     * 40-character commit id is always the commit.
     */
    private ObjectId lookup(String name) {
        try {
            if (name.startsWith(Constants.R_HEADS)) {
                return objectOf(repository.exactRef(TRACKING + name.substring(Constants.R_HEADS.length())), name);
            }
            if (name.startsWith("origin/")) {
                return objectOf(repository.exactRef(TRACKING + name.substring("origin/".length())), name);
            }
            if (name.startsWith(Constants.R_TAGS)) {
                return objectOf(repository.exactRef(name), name);
            }
            if (ObjectId.isId(name)) {
                return commit(ObjectId.fromString(name), name);
            }
            Ref branch = repository.exactRef(TRACKING + name);
            Ref tag = repository.exactRef(Constants.R_TAGS + name);
            ObjectId abbreviated = abbreviatedCommit(name);
            Map<String, String> candidates = new java.util.LinkedHashMap<>(); // what selects it -> what it is
            if (branch != null) {
                candidates.put(Constants.R_HEADS + name, "branch at " + shortId(peeled(branch)));
            }
            if (tag != null) {
                candidates.put(Constants.R_TAGS + name, "tag at " + shortId(peeled(tag)));
            }
            if (abbreviated != null && !candidates.isEmpty()) {
                candidates.put(abbreviated.name(), "commit");
            }
            if (candidates.size() > 1) {
                throw new InvalidInputException("revision '" + name + "' is ambiguous in " + remote.display()
                        + ": it names " + String.join(" and ", candidates.entrySet().stream()
                                .map(c -> c.getKey() + " (" + c.getValue() + ")").toList())
                        + "; give " + String.join(" or ", candidates.keySet()) + " to choose one");
            }
            if (branch != null || tag != null) {
                return (branch != null ? branch : tag).getObjectId();
            }
            if (abbreviated != null) {
                return commit(abbreviated, name);
            }
        } catch (IOException e) {
            throw cacheFailure(e);
        }
        throw unknownRevision(name);
    }

    /** The one commit whose id starts with {@code name} (4 to 39 hex digits), or null. */
    private ObjectId abbreviatedCommit(String name) throws IOException {
        if (!HEX.matcher(name).matches()) {
            return null;
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            List<ObjectId> commits = new ArrayList<>();
            for (ObjectId id : reader.resolve(AbbreviatedObjectId.fromString(name.toLowerCase(java.util.Locale.ROOT)))) {
                if (reader.open(id).getType() == Constants.OBJ_COMMIT) {
                    commits.add(id);
                }
            }
            if (commits.size() > 1) {
                throw new InvalidInputException("revision '" + name + "' is ambiguous in " + remote.display()
                        + ": " + commits.size() + " commits start with it; give more characters of the commit id");
            }
            return commits.isEmpty() ? null : walk.parseCommit(commits.get(0));
        }
    }

    private ObjectId objectOf(Ref ref, String name) {
        if (ref == null || ref.getObjectId() == null) {
            throw unknownRevision(name);
        }
        return ref.getObjectId();
    }

    private ObjectId commit(ObjectId id, String name) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw unknownRevision(name);
        }
    }

    /** The commit a ref points to (annotated tags peeled). */
    private ObjectId peeled(Ref ref) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(ref.getObjectId());
        }
    }

    private static String shortId(ObjectId id) {
        return id.name().substring(0, 12);
    }

    private InvalidInputException unknownRevision(String name) {
        return new InvalidInputException("unknown revision '" + name + "' in " + remote.display()
                + ": no branch, tag or commit with that name; check the spelling, or push it first");
    }

    private OperationFailedException cacheFailure(IOException e) {
        return new OperationFailedException("cannot read the Git cache of " + remote.display() + " in "
                + repository.getDirectory() + ": " + redact(e.getMessage()) + "; delete that folder to fetch again", e);
    }

    private void checkRefsUpdated(FetchResult result) {
        for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
            RefUpdate.Result r = update.getResult();
            if (r == RefUpdate.Result.LOCK_FAILURE || r == RefUpdate.Result.IO_FAILURE
                    || r == RefUpdate.Result.REJECTED) {
                throw new OperationFailedException("cannot update " + update.getLocalName() + " in the Git cache of "
                        + remote.display() + " (" + r + "); run the operation again");
            }
        }
    }

    /** The branch HEAD points to: the symbolic target when advertised, else the branch with the same commit. */
    private static String defaultBranch(FetchResult result) {
        Ref head = result.getAdvertisedRef(Constants.HEAD);
        if (head == null) {
            return null;
        }
        if (head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        for (String preferred : List.of("main", "master")) {
            Ref ref = result.getAdvertisedRef(Constants.R_HEADS + preferred);
            if (ref != null && ref.getObjectId() != null && ref.getObjectId().equals(head.getObjectId())) {
                return preferred;
            }
        }
        for (Ref ref : result.getAdvertisedRefs()) {
            if (ref.getName().startsWith(Constants.R_HEADS) && head.getObjectId() != null
                    && head.getObjectId().equals(ref.getObjectId())) {
                return Repository.shortenRefName(ref.getName());
            }
        }
        return null;
    }

    private static String branchName(String branch) {
        if (branch == null || branch.isBlank()) {
            throw new InvalidInputException("no branch given; name the branch to commit to");
        }
        String name = branch.trim();
        return name.startsWith(Constants.R_HEADS) ? name.substring(Constants.R_HEADS.length()) : name;
    }

    private static Revision toRevision(RevCommit c, String requested) {
        PersonIdent a = c.getAuthorIdent();
        return new Revision(c.name(), requested, c.getShortMessage(), a.getName() + " <" + a.getEmailAddress() + ">",
                Instant.ofEpochSecond(c.getCommitTime()));
    }

    private static Repository openCache(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))) {
            return new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().setMustExist(true).build();
        }
        if (Files.exists(dir)) {
            // SKIP_MISSING: a background auto-gc of the broken cache may remove its own lock files meanwhile
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        }
        try {
            return Git.init().setBare(true).setDirectory(dir.toFile()).call().getRepository();
        } catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String cacheKey(String remote) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(remote.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
