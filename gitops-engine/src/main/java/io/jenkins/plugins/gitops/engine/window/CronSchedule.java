package io.jenkins.plugins.gitops.engine.window;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week) read on the wall clock of a
 * time zone, parsed and evaluated by cron-utils with its UNIX definition (the fields Argo CD's parser accepts:
 * {@code cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow} of robfig/cron v3).
 * <p>
 * Daylight saving time follows robfig/cron, Argo CD's parser ({@code spec_test.go}: "2am nightly job (skipped)",
 * "1am nightly job (runs twice)"): a wall time that does not exist (clocks go forward) never matches, and a wall
 * time that happens twice (clocks go back) matches in both passes. cron-utils skips the first case the same way
 * but may skip the second pass of a repeated time, so {@link #next} adds it.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime execution;

    private CronSchedule(String expression, ExecutionTime execution) {
        this.expression = expression;
        this.execution = execution;
    }

    /**
     * Parses {@code expression}; an {@link IllegalArgumentException} with cron-utils' reason otherwise
     * ({@code Failed to parse cron expression. Value 61 not in range [0, 59]}).
     */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty cron expression");
        }
        try {
            Cron cron = PARSER.parse(expression.trim()).validate();
            return new CronSchedule(expression.trim(), ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "not a cron expression" : e.getMessage(), e);
        }
    }

    public String expression() {
        return expression;
    }

    /** The first time after {@code after} (strictly) that the schedule matches in {@code zone}; empty if never. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        Optional<Instant> regular = fromLibrary(after.atZone(zone));
        Optional<Instant> secondPass = secondPass(after, zone);
        if (secondPass.isPresent() && (regular.isEmpty() || secondPass.get().isBefore(regular.get()))) {
            return secondPass;
        }
        return regular;
    }

    private Optional<Instant> fromLibrary(ZonedDateTime after) {
        return execution.nextExecution(after).map(ZonedDateTime::toInstant).filter(t -> t.isAfter(after.toInstant()));
    }

    /**
     * A match in the second pass of a repeated wall-clock interval after {@code after}: the schedule read in the
     * fixed offset the zone has after the change, limited to the instants that offset covers.
     */
    private Optional<Instant> secondPass(Instant after, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Optional<Instant> best = Optional.empty();
        for (ZoneOffsetTransition transition : new ZoneOffsetTransition[] {
                rules.previousTransition(after.plusNanos(1)), rules.nextTransition(after)}) {
            if (transition == null || !transition.isOverlap()) {
                continue;
            }
            Instant start = transition.getInstant();
            Instant end = start.plus(transition.getDuration().abs());
            Instant from = after.isBefore(start) ? start.minusNanos(1) : after;
            if (!from.isBefore(end)) {
                continue;
            }
            ZoneOffset later = transition.getOffsetAfter();
            Optional<Instant> match = fromLibrary(from.atZone(later)).filter(t -> t.isBefore(end));
            if (match.isPresent() && (best.isEmpty() || match.get().isBefore(best.get()))) {
                best = match;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return expression;
    }
}
