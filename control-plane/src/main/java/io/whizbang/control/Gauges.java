package io.whizbang.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.Ledger;
import io.whizbang.runtime.PerspectiveHealth;
import io.whizbang.runtime.ProjectionsClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the control plane measures by asking over the event bus, refreshed on a timer: the ledger's head, the
 * outbox's depth ({@code whizbang_ledger_head}, {@code whizbang_outbox_depth}) and each perspective's lag
 * ({@code whizbang_projection_lag_events}, {@code whizbang_projection_lag_seconds}). A part that does not answer
 * keeps its last value.
 */
final class Gauges {
    /** The outbox depth is counted up to this many records. */
    static final int OUTBOX_COUNT_LIMIT = 1_000;
    /** The outbox is counted on every this many refreshes: counting reads its pending records. */
    static final int OUTBOX_EVERY = 5;

    private final MeterRegistry registry;
    private final Ledger ledger;
    private final ProjectionsClient projections;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong outbox = new AtomicLong();
    private final Map<String, AtomicReference<PerspectiveHealth>> perspectives = new ConcurrentHashMap<>();
    private final AtomicReference<List<PerspectiveHealth>> latest = new AtomicReference<>(List.of());
    private long refreshes;

    Gauges(MeterRegistry registry, Ledger ledger, ProjectionsClient projections) {
        this.registry = registry;
        this.ledger = ledger;
        this.projections = projections;
        Gauge.builder("whizbang.ledger.head", head, AtomicLong::get).description("The ledger's head position")
                .register(registry);
        Gauge.builder("whizbang.outbox.depth", outbox, AtomicLong::get)
                .description("Outbox records not yet published (counted up to " + OUTBOX_COUNT_LIMIT + ")")
                .register(registry);
    }

    /** Refreshes every gauge; completes when every part answered or failed. */
    Future<Void> refresh() {
        Future<?> heads = ledger.head().onSuccess(head::set);
        Future<?> depth = refreshes++ % OUTBOX_EVERY != 0 ? Future.succeededFuture()
                : ledger.outbox().pending(OUTBOX_COUNT_LIMIT).onSuccess(records -> outbox.set(records.size()));
        Future<?> lags = projections.status().onSuccess(all -> {
            latest.set(all);
            all.forEach(this::perspective);
        });
        return Future.join(heads, depth, lags).<Void>mapEmpty().otherwiseEmpty();
    }

    private void perspective(PerspectiveHealth health) {
        perspectives.computeIfAbsent(health.perspective(), name -> {
            AtomicReference<PerspectiveHealth> holder = new AtomicReference<>(health);
            Gauge.builder("whizbang.projection.lag.events", holder, h -> h.get().lagEvents())
                    .description("Events a perspective has still to handle").tag("perspective", name)
                    .register(registry);
            Gauge.builder("whizbang.projection.lag.seconds", holder, h -> h.get().lagSeconds())
                    .description("Age of the oldest event a perspective has still to handle")
                    .tag("perspective", name).register(registry);
            Gauge.builder("whizbang.projection.throughput", holder, h -> h.get().throughput())
                    .description("Events a perspective handled per second, recently").tag("perspective", name)
                    .register(registry);
            Gauge.builder("whizbang.projection.parked", holder, h -> h.get().parked())
                    .description("Dead letters waiting for an operator").tag("perspective", name)
                    .register(registry);
            return holder;
        }).set(health);
    }

    /** Every perspective's latest health, for the dashboard's projection page. */
    JsonObject perspectives() {
        JsonArray items = new JsonArray();
        latest.get().forEach(health -> items.add(health.toJson()));
        return new JsonObject().put("perspectives", items);
    }

    /** The latest values, for the dashboard. */
    JsonObject toJson() {
        JsonArray lag = new JsonArray();
        latest.get().forEach(health -> lag.add(new JsonObject().put("perspective", health.perspective())
                .put("lagEvents", health.lagEvents()).put("state", health.state().name())));
        return new JsonObject().put("head", head.get()).put("outboxDepth", outbox.get()).put("projections", lag);
    }

    static void every(Vertx vertx, long millis, Gauges gauges) {
        vertx.setPeriodic(millis, id -> gauges.refresh());
    }
}
