package io.jenkins.plugins.gitops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.gitops.engine.api.HookRun;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a sync or diff result as text (a line per changed object, unified diffs) or as one JSON object. */
final class ResultPrinter {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /** Any result record as indented JSON (records, lists, maps; times as ISO-8601). */
    static String anyJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResultPrinter() {
    }

    static void print(SyncResult result, OutputFormat format, boolean showDiffs, PrintWriter out) {
        if (format == OutputFormat.json) {
            out.println(json(result));
        } else {
            text(result, showDiffs, out);
        }
        out.flush();
    }

    static String json(SyncResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("environment", result.environment());
        root.put("revision", result.revision());
        root.put("target", result.target());
        root.put("dryRun", result.dryRun());
        root.put("succeeded", result.succeeded());
        root.put("message", result.message());
        root.put("created", result.created());
        root.put("updated", result.updated());
        root.put("deleted", result.deleted());
        root.put("unchanged", result.unchanged());
        root.put("pruneSkipped", result.pruneSkipped());
        root.put("inSync", result.inSync());
        root.put("health", result.health());
        root.put("durationSeconds", result.duration().toMillis() / 1000.0);
        root.put("warnings", result.warnings());
        root.put("objects", result.objects().stream().map(ResultPrinter::object).toList());
        root.put("hooks", result.hooks().stream().map(ResultPrinter::hook).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> object(ObjectResult o) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", o.kind());
        map.put("namespace", o.namespace());
        map.put("name", o.name());
        map.put("source", o.source());
        map.put("action", o.action());
        map.put("result", o.outcome());
        map.put("message", o.message());
        map.put("health", o.health());
        map.put("changes", o.changes().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("path", c.pointer());
            change.put("live", c.live());
            change.put("desired", c.desired());
            return change;
        }).toList());
        return map;
    }

    private static Map<String, Object> hook(HookRun h) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("phase", h.phase());
        map.put("kind", h.kind());
        map.put("namespace", h.namespace());
        map.put("name", h.name());
        map.put("source", h.source());
        map.put("wave", h.wave());
        map.put("result", h.result());
        map.put("message", h.message());
        map.put("deleted", h.deleted());
        return map;
    }

    private static void text(SyncResult result, boolean showDiffs, PrintWriter out) {
        List<ObjectResult> changed = result.objects().stream().filter(o -> !o.action().equals("unchanged")).toList();
        for (ObjectResult o : changed) {
            out.printf("%-13s %s%s%n", o.action(), o.id(), o.health() == null ? "" : "  " + o.health());
            if (showDiffs && o.diff() != null && !o.diff().isEmpty()) {
                out.print(o.diff());
            }
        }
        for (HookRun h : result.hooks()) {
            out.printf("%-13s %s  %s%s%n", "hook " + h.phase(), h.id(), h.result(),
                    h.message().isEmpty() || h.result().equals("succeeded") ? "" : ": " + h.message());
        }
        result.warnings().forEach(w -> out.println("warning: " + w));
        if (!result.succeeded()) {
            out.println("FAILED: " + result.message());
        }
        out.println((result.dryRun() ? "(dry run) " : "") + result.summary());
    }
}
