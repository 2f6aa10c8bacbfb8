package io.jenkins.plugins.gitops.engine.history;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Record ids that sort by start time and are unique without coordination: {@code 20261122T100000.123Z-3f9a1c07d2}. */
public final class DeploymentIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeploymentIds() {
    }

    public static String next(Instant startedAt) {
        return TIME.format(startedAt) + "-" + String.format("%010x", RANDOM.nextLong() & 0xFF_FFFF_FFFFL);
    }
}
