package io.jenkins.plugins.gitops.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The samples of a benchmark run and the table printed from them: medians, every run, ratios. */
final class Results {
    record Sample(long millis, int services) {
    }

    private final Map<String, Map<SwarmBenchmark.Step, List<Sample>>> samples = new LinkedHashMap<>();

    void add(String tool, SwarmBenchmark.Step step, long millis, int services) {
        samples.computeIfAbsent(tool, t -> new LinkedHashMap<>()).computeIfAbsent(step, s -> new ArrayList<>())
                .add(new Sample(millis, services));
    }

    static long median(List<Sample> list) {
        List<Long> sorted = list.stream().map(Sample::millis).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    void print(PrintStream out, List<Deployer> deployers) {
        out.println();
        out.printf("| %-18s | %-28s | %10s | %-20s | %-25s |%n", "step", "tool", "median ms", "runs (ms)",
                "services updated (runs)");
        out.println("|" + "-".repeat(20) + "|" + "-".repeat(30) + "|" + "-".repeat(12) + "|" + "-".repeat(22) + "|"
                + "-".repeat(27) + "|");
        for (SwarmBenchmark.Step step : SwarmBenchmark.Step.values()) {
            for (Deployer d : deployers) {
                List<Sample> list = samples.getOrDefault(d.name(), Map.of()).getOrDefault(step, List.of());
                if (list.isEmpty()) {
                    continue;
                }
                out.printf("| %-18s | %-28s | %10d | %-20s | %-25s |%n", step.label, d.name(), median(list),
                        list.stream().map(s -> Long.toString(s.millis())).collect(Collectors.joining(", ")),
                        list.stream().map(s -> Integer.toString(s.services())).collect(Collectors.joining(", "))
                                + (step == SwarmBenchmark.Step.FIRST ? " (created)" : ""));
            }
        }
        out.println();
        out.println("Ratios (docker time / gitops time, medians; above 1 gitops is faster):");
        for (SwarmBenchmark.Step step : SwarmBenchmark.Step.values()) {
            StringBuilder line = new StringBuilder(String.format("%-18s", step.label + ":"));
            for (Deployer docker : deployers.stream().filter(d -> d instanceof Deployer.StackDeploy).toList()) {
                long base = median(samples.get(docker.name()).get(step));
                for (Deployer d : deployers.stream().filter(d -> !(d instanceof Deployer.StackDeploy)).toList()) {
                    long ours = median(samples.get(d.name()).get(step));
                    line.append(String.format("  %s / %s = %.2fx", docker.name(), d.name(), (double) base / Math.max(1, ours)));
                }
            }
            out.println(line);
        }
    }
}
