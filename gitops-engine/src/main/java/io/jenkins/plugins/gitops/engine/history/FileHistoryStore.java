package io.jenkins.plugins.gitops.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every record, in one JSON-lines file per environment ({@code <dir>/<environment>.jsonl}, oldest
 * first). Each append rewrites the file to a temporary file and renames it over the old one, so a
 * reader never sees half a record; appends are serialised by a lock per file within the JVM and a
 * file lock ({@code <environment>.jsonl.lock}) between processes.
 */
public final class FileHistoryStore implements HistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileHistoryStore.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path dir;

    public FileHistoryStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public void append(DeploymentRecord record) {
        Path file = file(record.environment());
        ReentrantLock lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel lockChannel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockChannel.lock()) {
                List<String> lines = readLines(file);
                lines.add(HistoryJson.write(record));
                replace(file, String.join("\n", lines) + "\n");
            }
        } catch (IOException e) {
            throw new OperationFailedException("could not record deployment " + record.id() + " in " + file + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<DeploymentRecord> list(String environment) {
        Path file = file(environment);
        List<DeploymentRecord> records = new ArrayList<>();
        try {
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    records.add(HistoryJson.read(lines.get(i)));
                } catch (JsonProcessingException e) {
                    LOG.warn("{}:{}: skipping a deployment record that is not valid JSON ({})", file, i + 1,
                            e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new OperationFailedException("could not read deployment history " + file + ": " + e, e);
        }
        Collections.reverse(records);
        return records;
    }

    /** The JSON-lines file of an environment. */
    public Path file(String environment) {
        if (environment == null || !SAFE_NAME.matcher(environment).matches()) {
            throw new InvalidInputException("environment name '" + environment + "' cannot name a history file: use "
                    + "letters, digits, '.', '_' and '-'");
        }
        return dir.resolve(environment + ".jsonl");
    }

    private static List<String> readLines(Path file) throws IOException {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            lines.removeIf(String::isBlank);
            return lines;
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        }
    }

    private void replace(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
