package io.jenkins.plugins.gitops.bench;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the Kubernetes benchmarks measure a phase: wall time, CPU time of the measuring thread, API
 * requests by verb (counted by the in-process API) and peak heap.
 * <p>
 * Peak heap: the sum of the peak usage of every heap memory pool, reset after a full GC before the
 * phase. It includes garbage not yet collected and the in-process API server's own objects (same JVM).
 */
final class Measurement {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One measurement: wall time, CPU time of the measuring thread, requests by verb, peak heap. */
    record Figure(double millis, double cpuMillis, Map<String, Long> requests, double peakHeapMb) {
    }

    private Measurement() {
    }

    static Figure measure(InProcessKubernetes api, Runnable phase) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        api.resetRequestCounts();
        long started = System.nanoTime();
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        phase.run();
        double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
        double millis = (System.nanoTime() - started) / 1e6;
        Map<String, Long> requests = api.requestCounts();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Figure(millis, cpuMillis, requests, peak / 1048576.0);
    }

    /** The median of some values (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The value below which 95 % of the values lie (nearest rank). */
    static double p95(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
    }

    /** Requests by verb as {@code GET 1, LIST 6}, sorted by verb; {@code none} when empty. */
    static String verbs(Map<String, Long> requests) {
        return requests.isEmpty() ? "none" : new TreeMap<>(requests).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** JVM, processors, load, heap and GC: the first line of every benchmark's output. */
    static String machine() {
        return String.format("JVM %s, %d processors, load average %.1f, max heap %d MB, GC %s", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).collect(Collectors.joining(", ")));
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
