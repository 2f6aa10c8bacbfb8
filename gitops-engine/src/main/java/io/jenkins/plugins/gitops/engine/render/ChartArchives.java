package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks vendored chart archives ({@code charts/<name>-<version>.tgz}, as {@code helm dependency build}
 * leaves them) into folders of the temporary chart copy, so their templates and {@code crds/} are read like
 * those of folder subcharts. Helm loads a folder subchart exactly as the archive. Entries leaving the
 * folder, links and archives over {@link ChartCopy}'s limits are refused.
 */
final class ChartArchives {
    private ChartArchives() {
    }

    /** Unpacks every {@code charts/*.tgz} under {@code chart}, recursively; {@code shown} names the chart in errors. */
    static void unpack(Path chart, String shown) throws IOException {
        Path charts = chart.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(charts)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isRegularFile(entry) && name.endsWith(".tgz")) {
                Path folder = charts.resolve(name.substring(0, name.length() - ".tgz".length()) + ".unpacked");
                extract(entry, folder, io.jenkins.plugins.gitops.engine.source.RepoPaths.child(shown, "charts/" + name));
                Files.delete(entry);
                unpack(folder, io.jenkins.plugins.gitops.engine.source.RepoPaths.child(shown, "charts/" + name));
            } else if (Files.isDirectory(entry)) {
                unpack(entry, io.jenkins.plugins.gitops.engine.source.RepoPaths.child(shown, "charts/" + name));
            }
        }
    }

    /** Extracts a gzip'd tar, dropping the archive's top folder (the chart name). */
    private static void extract(Path archive, Path folder, String shown) throws IOException {
        Files.createDirectories(folder);
        long total = 0;
        int files = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            String longName = null;
            byte[] header = new byte[512];
            while (readFully(in, header)) {
                if (isZero(header)) {
                    break;
                }
                long size = Long.parseLong(text(header, 124, 12).strip().isEmpty() ? "0" : text(header, 124, 12).strip(), 8);
                char type = (char) header[156];
                byte[] data = readData(in, size, shown);
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type == 'x') {
                    longName = paxPath(new String(data, StandardCharsets.UTF_8));
                    continue;
                }
                if (type == 'g') {
                    continue;
                }
                String name = longName != null ? longName : prefixed(header);
                longName = null;
                if (type != '0' && type != '\0') {
                    continue; // folders are made as needed; links are never followed
                }
                int slash = name.indexOf('/');
                String inside = slash < 0 ? name : name.substring(slash + 1);
                Path target = folder.resolve(inside).normalize();
                if (inside.isEmpty() || !target.startsWith(folder)) {
                    throw new InvalidInputException(shown + ": archive entry '" + name + "' leaves the chart folder");
                }
                files++;
                total += data.length;
                if (files > ChartCopy.MAX_FILES || total > ChartCopy.MAX_BYTES) {
                    throw new InvalidInputException(shown + ": chart archive has more than " + ChartCopy.MAX_FILES
                            + " files or " + ChartCopy.MAX_BYTES + " bytes");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, data);
            }
        } catch (java.util.zip.ZipException | NumberFormatException e) {
            throw new InvalidInputException(shown + ": not a readable chart archive (" + e.getMessage()
                    + "); vendor it again with helm dependency build");
        }
    }

    private static byte[] readData(InputStream in, long size, String shown) throws IOException {
        if (size > ChartCopy.MAX_BYTES) {
            throw new InvalidInputException(shown + ": archive entry larger than " + ChartCopy.MAX_BYTES + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new InvalidInputException(shown + ": chart archive is truncated");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        long padding = (512 - size % 512) % 512;
        in.readNBytes((int) padding);
        return out.toByteArray();
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String prefixed(byte[] header) {
        String name = text(header, 0, 100);
        String magic = text(header, 257, 6);
        String prefix = magic.startsWith("ustar") ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        return n == buffer.length;
    }

    private static boolean isZero(byte[] header) {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
