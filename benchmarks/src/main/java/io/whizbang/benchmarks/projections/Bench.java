package io.whizbang.benchmarks.projections;

import io.vertx.core.Future;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.Registry;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What the projection benchmarks share: the perspective under test, waiting, and reporting. */
final class Bench {
    static final String TENANT = "bench";
    /** The sample's simple upsert perspective: one document per SKU, restocks added to what is on hand. */
    static final String PERSPECTIVE = "inventory-level";

    private Bench() {
    }

    /** The sample registry cut down to the inventory-level perspective, so it is the only one that runs. */
    static Registry registry() {
        Registry sample = SampleApplicationRegistry.create();
        PerspectiveBinding<?> level = sample.perspectives().stream().filter(p -> p.name().equals(PERSPECTIVE))
                .findFirst().orElseThrow();
        return new Registry("bench", sample.codecs(), List.of(), List.of(level), List.of(), List.of(), "{}");
    }

    /** The sum of {@code onHand} over every document of the perspective, read page by page. */
    static long totalOnHand(ProjectionStore store) {
        long total = 0;
        DocumentQuery query = DocumentQuery.all(DocumentQuery.MAX_LIMIT);
        while (true) {
            Page<Document> page = await(store.query(TENANT, PERSPECTIVE, query));
            for (Document document : page.items()) {
                total += document.json().getLong("onHand");
            }
            if (page.nextCursor() == null) {
                return total;
            }
            query = query.after(page.nextCursor());
        }
    }

    /** What seeding {@code events} events puts on hand: event n restocks n % 7 + 1 units. */
    static long expectedOnHand(long events) {
        long total = 0;
        for (long n = 1; n <= events; n++) {
            total += n % 7 + 1;
        }
        return total;
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark step failed: " + e.getMessage(), e);
        }
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** p50 / p90 / p99 / max of a histogram of microseconds, in milliseconds. */
    static String percentiles(Histogram micros) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples)",
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0, micros.getTotalCount());
    }
}
