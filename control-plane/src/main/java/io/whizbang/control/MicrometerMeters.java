package io.whizbang.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;
import io.whizbang.metrics.CommandHandled;
import io.whizbang.metrics.WhizbangMeters;

import java.util.concurrent.TimeUnit;

/**
 * Whizbang's meters in Micrometer, tagged by tenant, message type and outcome:
 * {@code whizbang_commands_seconds}, {@code whizbang_queries_seconds}, {@code whizbang_append_seconds},
 * {@code whizbang_appended_events_total} and {@code whizbang_errors_total}; handled commands also go to the
 * {@link CommandJournal} for the dashboard's journeys, and the command's trace span, when tracing is on, is tagged
 * with its correlation id.
 */
final class MicrometerMeters implements WhizbangMeters {
    static final String COMMANDS = "whizbang.commands";
    static final String QUERIES = "whizbang.queries";
    static final String APPENDS = "whizbang.append";
    static final String APPENDED_EVENTS = "whizbang.appended.events";
    static final String ERRORS = "whizbang.errors";

    private final MeterRegistry registry;
    private final CommandJournal journal;

    MicrometerMeters(MeterRegistry registry, CommandJournal journal) {
        this.registry = registry;
        this.journal = journal;
    }

    @Override
    public void commandHandled(CommandHandled handled) {
        String outcome = handled.failure() == null ? "ok" : handled.failure().name();
        Timer.builder(COMMANDS).description("Commands handled by the dispatcher")
                .tags("tenant", handled.tenant(), "type", handled.type(), "outcome", outcome)
                .register(registry).record(handled.nanos(), TimeUnit.NANOSECONDS);
        if (handled.failure() != null) {
            error("command", handled.tenant(), handled.failure());
        }
        journal.add(handled);
        // the dispatcher's span of this command (the event-bus message it came in) carries the journey's id
        Observability.tagCorrelation(handled.correlationId().toString());
    }

    @Override
    public void queryHandled(String tenant, String type, long nanos, ErrorCode failure) {
        Timer.builder(QUERIES).description("Queries answered by lenses")
                .tags("tenant", tenant, "type", type, "outcome", failure == null ? "ok" : failure.name())
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (failure != null) {
            error("query", tenant, failure);
        }
    }

    @Override
    public void appended(String tenant, int events, long nanos) {
        Timer.builder(APPENDS).description("Ledger appends of the dispatcher's commands").tags("tenant", tenant)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder(APPENDED_EVENTS).description("Events appended to the ledger").tags("tenant", tenant)
                .register(registry).increment(events);
    }

    private void error(String kind, String tenant, ErrorCode code) {
        Counter.builder(ERRORS).description("Commands and queries that failed, by error code")
                .tags("kind", kind, "tenant", tenant, "code", code.name()).register(registry).increment();
    }

    /** Totals across tenants, for the dashboard's live charts (which derive rates from successive totals). */
    JsonObject totals() {
        return new JsonObject()
                .put("commands", count(Search.in(registry).name(COMMANDS)))
                .put("commandSeconds", seconds(Search.in(registry).name(COMMANDS)))
                .put("queries", count(Search.in(registry).name(QUERIES)))
                .put("querySeconds", seconds(Search.in(registry).name(QUERIES)))
                .put("appends", count(Search.in(registry).name(APPENDS)))
                .put("appendSeconds", seconds(Search.in(registry).name(APPENDS)))
                .put("events", Search.in(registry).name(APPENDED_EVENTS).counters().stream()
                        .mapToDouble(Counter::count).sum())
                .put("errors", Search.in(registry).name(ERRORS).counters().stream().mapToDouble(Counter::count).sum());
    }

    private static long count(Search search) {
        return search.timers().stream().mapToLong(Timer::count).sum();
    }

    private static double seconds(Search search) {
        return search.timers().stream().mapToDouble(timer -> timer.totalTime(TimeUnit.SECONDS)).sum();
    }
}
