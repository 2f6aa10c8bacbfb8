package io.jenkins.plugins.gitops.engine.render.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose service {@code volumes:} to Engine API Mounts: named volumes (declared at top level; the
 * stack prefix and label added like docker stack deploy), absolute bind mounts, anonymous volumes.
 * Relative bind paths are refused: on a Swarm they would resolve on whichever node runs the task.
 */
final class MountConverter {
    private final ComposeRenderer.StackContext ctx;
    private final String service;
    private final ComposeValues v;

    MountConverter(ComposeRenderer.StackContext ctx, String service, ComposeValues v) {
        this.ctx = ctx;
        this.service = service;
        this.v = v;
    }

    List<Object> mounts(List<Object> entries) {
        List<Object> out = new ArrayList<>();
        for (Object entry : entries) {
            out.add(entry instanceof Map ? longSyntax(v.map(entry, "volumes")) : shortSyntax(v.string(entry, "volumes")));
        }
        return out;
    }

    private Map<String, Object> shortSyntax(String s) {
        String[] parts = s.split(":");
        if (parts.length == 1) {
            return mount("volume", null, parts[0], false, false, null);
        }
        if (parts.length > 3) {
            throw v.error("volumes", "'" + s + "' is not SOURCE:TARGET[:MODE]");
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            for (String option : parts[2].split(",")) {
                switch (option) {
                    case "ro" -> readOnly = true;
                    case "rw" -> readOnly = false;
                    default -> throw v.error("volumes", "'" + s + "': mode '" + option + "' is not supported by Swarm"
                            + " (use ro or rw)");
                }
            }
        }
        String source = parts[0];
        boolean bind = source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
        return mount(bind ? "bind" : "volume", source, parts[1], readOnly, false, null);
    }

    private Map<String, Object> longSyntax(Map<String, Object> m) {
        ComposeKeys.check(m, ComposeKeys.MOUNT, ctx.file, "service '" + service + "' volumes");
        String type = m.get("type") == null ? "volume" : v.string(m.get("type"), "volumes.type");
        if (!List.of("volume", "bind", "tmpfs").contains(type)) {
            throw v.error("volumes.type", "must be volume, bind or tmpfs, not '" + type + "'");
        }
        String target = v.string(m.get("target"), "volumes.target");
        if (target == null) {
            throw v.error("volumes", "the long syntax needs target: (the path in the container)");
        }
        if (!type.equals("tmpfs") && m.get("tmpfs") != null) {
            throw v.error("volumes", "tmpfs options are incompatible with type " + type);
        }
        if (type.equals("tmpfs")) {
            return tmpfs(m, target);
        }
        Map<String, Object> volume = v.map(m.get("volume"), "volumes.volume");
        ComposeKeys.check(volume, java.util.Set.of("nocopy"), ctx.file, "service '" + service + "' volumes.volume");
        Map<String, Object> bind = v.map(m.get("bind"), "volumes.bind");
        ComposeKeys.check(bind, java.util.Set.of("propagation"), ctx.file, "service '" + service + "' volumes.bind");
        return mount(type, v.string(m.get("source"), "volumes.source"), target,
                Boolean.TRUE.equals(v.bool(m.get("read_only"), "volumes.read_only")),
                Boolean.TRUE.equals(v.bool(volume.get("nocopy"), "volumes.volume.nocopy")),
                v.string(bind.get("propagation"), "volumes.bind.propagation"));
    }

    /** docker's {@code handleTmpfsToMount}: no source, no volume or bind options, tmpfs.size in bytes. */
    private Map<String, Object> tmpfs(Map<String, Object> m, String target) {
        if (m.get("source") != null) {
            throw v.error("volumes", "invalid tmpfs source, source must be empty");
        }
        if (m.get("volume") != null || m.get("bind") != null) {
            throw v.error("volumes", (m.get("volume") != null ? "volume" : "bind") + " options are incompatible with type tmpfs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Type", "tmpfs");
        out.put("Target", target);
        if (Boolean.TRUE.equals(v.bool(m.get("read_only"), "volumes.read_only"))) {
            out.put("ReadOnly", true);
        }
        Map<String, Object> options = v.map(m.get("tmpfs"), "volumes.tmpfs");
        ComposeKeys.check(options, java.util.Set.of("size"), ctx.file, "service '" + service + "' volumes.tmpfs");
        Long size = v.bytes(options.get("size"), "volumes.tmpfs.size");
        if (size != null && size > 0) {
            out.put("TmpfsOptions", Map.of("SizeBytes", size));
        }
        return out;
    }

    private Map<String, Object> mount(String type, String source, String target, boolean readOnly, boolean noCopy,
            String propagation) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Type", type);
        Map<String, Object> volumeOptions = new LinkedHashMap<>();
        if (type.equals("bind")) {
            if (source == null || !source.startsWith("/")) {
                throw v.error("volumes", "bind mount source '" + source + "' must be an absolute path on the nodes;"
                        + " relative paths have no meaning on a Swarm (use a config: for repository files)");
            }
            out.put("Source", source);
        } else if (source != null) {
            String swarmName = ctx.volumeNames.get(source);
            if (swarmName == null) {
                throw v.error("volumes", "volume '" + source + "' is not declared under the top-level volumes:");
            }
            out.put("Source", swarmName);
            if (ctx.volumeOptions.containsKey(source)) {
                volumeOptions.putAll(ctx.volumeOptions.get(source));
            }
        }
        out.put("Target", target);
        if (readOnly) {
            out.put("ReadOnly", true);
        }
        if (noCopy) {
            volumeOptions.put("NoCopy", true);
        }
        if (!volumeOptions.isEmpty()) {
            out.put("VolumeOptions", volumeOptions);
        }
        if (propagation != null) {
            out.put("BindOptions", Map.of("Propagation", propagation));
        }
        return out;
    }
}
