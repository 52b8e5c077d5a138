package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.whizbang.error.TransientException;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.spi.ForwardingLedger;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.spi.ForwardingProjectionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static io.whizbang.runtime.Await.failure;
import static io.whizbang.runtime.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A perspective far behind the head catches up in windows of many events per commit, reading the next page while
 * it commits, and keeps the documents it committed; none of that may change the read model a crash, a failing
 * handler or a dead-letter retry leaves.
 */
@ExtendWith(VertxExtension.class)
class CatchUpTest {
    private static final List<String> TENANTS = List.of("acme", "globex", "initech");
    private static final int EVENTS = 3_000;

    private final Tally tally = new Tally();
    private final List<Projections> started = new ArrayList<>();
    private Vertx vertx;
    private Ledger ledger;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        ledger = Ledger.memory(vertx);
    }

    @AfterEach
    void stop() {
        started.forEach(projections -> result(projections.stop()));
        result(ledger.close());
    }

    /** Increments of 1 to 9 over seven counters in three tenants, one event per append. */
    private long seed(int events) {
        long head = 0;
        for (int n = 0; n < events; n++) {
            head = result(tally.add(ledger, TENANTS.get(n % 3), "c" + (n % 7), 1 + n % 9)).position();
        }
        return head;
    }

    private Projections start(ProjectionStore store, ProjectionsOptions options) {
        Projections projections = result(Projections.start(vertx, tally.registry, ledger, store,
                options.setHealthCheckMillis(0)));
        started.add(projections);
        return projections;
    }

    /** The read model built one event per commit, nothing kept between commits. */
    private Map<String, JsonObject> oneAtATime(long head) {
        ProjectionStore store = ProjectionStore.memory();
        result(start(store, new ProjectionsOptions().setBatchSize(1).setCatchUpEvents(1).setCachedDocuments(0)
                .setRetryPolicy(RetryPolicy.immediate(3))).caughtUp(head));
        return readModel(store);
    }

    private static Map<String, JsonObject> readModel(ProjectionStore store) {
        Map<String, JsonObject> documents = new TreeMap<>();
        for (String tenant : TENANTS) {
            Page<Document> page = result(store.query(tenant, Tally.NAME, DocumentQuery.all(DocumentQuery.MAX_LIMIT)));
            page.items().forEach(document -> documents.put(tenant + "/" + document.key(), document.json()));
        }
        return documents;
    }

    @Test
    void farBehindTheHeadManyPagesCommitAsOneWindowWithTheReadModelOfOneEventAtATime() {
        long head = seed(EVENTS);
        CountingStore store = new CountingStore(ProjectionStore.memory(), Integer.MAX_VALUE);

        result(start(store, new ProjectionsOptions().setBatchSize(100)).caughtUp(head));

        // pages of 100, 200, then 400 events in one window: one commit, each of the 24 documents loaded and written
        // once
        assertThat(store.commits.get()).isEqualTo(1);
        assertThat(store.writes.get()).isEqualTo(24);
        assertThat(store.loaded.get()).isEqualTo(24);
        assertThat(readModel(store)).isEqualTo(oneAtATime(head)).hasSize(24);
    }

    @Test
    void aWindowEndsAtTheMostDocumentsAndTheNextOneLoadsNothingItKept() {
        long head = seed(EVENTS);
        CountingStore store = new CountingStore(ProjectionStore.memory(), Integer.MAX_VALUE);

        result(start(store, new ProjectionsOptions().setBatchSize(10).setCatchUpDocuments(20)).caughtUp(head));

        // pages of 10, 20, then 40 events, each touching up to 24 documents: every window ends after a page or two
        // (at most 40 events), never at the head or at 20,000 events; each document is loaded once all the same
        assertThat(store.commits.get()).isGreaterThanOrEqualTo(EVENTS / 40);
        assertThat(store.loaded.get()).isEqualTo(24);
        assertThat(readModel(store)).isEqualTo(oneAtATime(head));
    }

    @Test
    void aCrashWhileTheNextPageIsReadAheadReplaysToTheSameReadModel() {
        long head = seed(EVENTS);
        ProjectionStore durable = ProjectionStore.memory();
        ReadsLedger reads = new ReadsLedger(ledger);
        // pages of 100, 200, then 400 events: windows of 1,100 (to position 1,100) and 1,200 events (to 2,300);
        // the second window's commit dies, the first one's events stay committed
        CountingStore crashing = new CountingStore(durable, 2);
        crashing.onCommit = () -> {
            if (crashing.commits.get() == 1) {
                reads.furthestAtCrash.set(reads.furthest.get());
            }
        };
        Projections first = result(Projections.start(vertx, tally.registry, reads, crashing,
                new ProjectionsOptions().setBatchSize(100).setCatchUpEvents(1_000).setHealthCheckMillis(0)));
        started.add(first);

        assertThat(failure(first.caughtUp(head))).isInstanceOf(TransientException.class);
        // the page after the dying window (and the one after that) had been asked for before its commit
        assertThat(reads.furthestAtCrash.get()).isGreaterThanOrEqualTo(2_300);
        assertThat(result(durable.checkpoint(Tally.NAME))).isEqualTo(1_100);

        result(start(durable, new ProjectionsOptions().setBatchSize(100).setCatchUpEvents(1_000)).caughtUp(head));
        assertThat(readModel(durable)).isEqualTo(oneAtATime(head));
        assertThat(result(durable.checkpoint(Tally.NAME))).isEqualTo(head);
    }

    @Test
    void aHandlerFailingInTheMiddleOfAWindowLeavesEachEventCountedOnce() {
        seed(1_500);
        // fails once, then succeeds; and a negative increment that fails while its change applies, every time
        tally.poisonAt = position -> position == 1_200 && tally.failures.get() == 0;
        long poisoned = result(tally.add(ledger, "acme", "c3", -4)).position();
        long head = seed(1_500);
        CountingStore store = new CountingStore(ProjectionStore.memory(), Integer.MAX_VALUE);

        Projections projections = start(store, new ProjectionsOptions().setBatchSize(100)
                .setRetryPolicy(RetryPolicy.immediate(3)));
        result(projections.caughtUp(head));

        assertThat(tally.failures.get()).isEqualTo(1);
        assertThat(result(projections.deadLetters(Tally.NAME))).singleElement()
                .satisfies(letter -> assertThat(letter.position()).isEqualTo(poisoned));
        assertThat(readModel(store)).isEqualTo(oneAtATime(head));
    }

    @Test
    void aRetriedDeadLetterIsNotUndoneByTheDocumentsTheRunnerKept() {
        ProjectionStore store = ProjectionStore.memory();
        tally.poison = event -> event.by() == 13;
        Projections projections = start(store, new ProjectionsOptions().setRetryPolicy(RetryPolicy.immediate(1)));
        result(tally.add(ledger, "acme", "c1", 1));
        long parked = result(tally.add(ledger, "acme", "c1", 13)).position();
        result(projections.caughtUp(parked));
        assertThat(count(store, "c1")).isEqualTo(1);

        tally.poison = event -> false;
        result(projections.retry(Tally.NAME, parked));
        long head = result(tally.add(ledger, "acme", "c1", 100)).position();
        result(projections.caughtUp(head));

        assertThat(count(store, "c1")).isEqualTo(114);
        assertThat(count(store, Tally.ALL)).isEqualTo(114);
    }

    @Test
    void anEventThatLeavesItsDocumentsAsTheyWereWritesNothing() {
        CountingStore store = new CountingStore(ProjectionStore.memory(), Integer.MAX_VALUE);
        Projections projections = start(store, new ProjectionsOptions());
        result(projections.caughtUp(result(tally.add(ledger, "acme", "c1", 5)).position()));
        long writes = store.writes.get();

        long head = result(tally.add(ledger, "acme", "c1", 0)).position();
        result(projections.caughtUp(head));

        assertThat(store.writes.get()).isEqualTo(writes);
        assertThat(result(store.checkpoint(Tally.NAME))).isEqualTo(head);
        assertThat(count(store, "c1")).isEqualTo(5);
    }

    @Test
    void aLedgerWithGapsInItsPositionsIsCaughtUpWithoutSkippingOrRepeatingAnEvent() {
        long head = seed(EVENTS);
        GapsLedger gaps = new GapsLedger(ledger);
        ProjectionStore windows = ProjectionStore.memory();
        ProjectionStore single = ProjectionStore.memory();

        // pages read ahead start where the page before them would end if positions were dense; here they are not
        started.add(result(Projections.start(vertx, tally.registry, gaps, windows,
                new ProjectionsOptions().setBatchSize(100).setHealthCheckMillis(0))));
        result(started.get(started.size() - 1).caughtUp(head));
        started.add(result(Projections.start(vertx, tally.registry, gaps, single, new ProjectionsOptions()
                .setBatchSize(1).setCatchUpEvents(1).setCachedDocuments(0).setHealthCheckMillis(0))));
        result(started.get(started.size() - 1).caughtUp(head));

        assertThat(readModel(windows)).isEqualTo(readModel(single)).isNotEqualTo(oneAtATime(head)).hasSize(24);
        assertThat(result(windows.checkpoint(Tally.NAME))).isEqualTo(head);
    }

    private static int count(ProjectionStore store, String key) {
        DocumentKey documentKey = new DocumentKey("acme", Tally.NAME, key);
        Document found = result(store.load(List.of(documentKey))).get(documentKey);
        return found == null ? 0 : found.json().getInteger("value");
    }

    /** A store that counts commits, written documents and loaded keys, and fails from its {@code dieAt}th commit. */
    private static final class CountingStore extends ForwardingProjectionStore {
        private final int dieAt;
        final AtomicLong commits = new AtomicLong();
        final AtomicLong writes = new AtomicLong();
        final AtomicLong loaded = new AtomicLong();
        Runnable onCommit = () -> { };

        CountingStore(ProjectionStore store, int dieAt) {
            super(store);
            this.dieAt = dieAt;
        }

        @Override
        public Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys) {
            loaded.addAndGet(keys.size());
            return store.load(keys);
        }

        @Override
        public Future<Void> commit(ProjectionCommit commit) {
            onCommit.run();
            if (commits.incrementAndGet() >= dieAt) {
                return Future.failedFuture(TransientException.unavailable("the store (dead)", null));
            }
            writes.addAndGet(commit.changes().size());
            return store.commit(commit);
        }
    }

    /** A ledger without the events at every position that leaves 3 divided by 5: its positions have gaps. */
    private static final class GapsLedger extends ForwardingLedger {
        GapsLedger(Ledger ledger) {
            super(ledger);
        }

        @Override
        public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
            return ledger.readAll(afterPosition, 2 * maxCount).map(events -> events.stream()
                    .filter(event -> event.position() % 5 != 3).limit(maxCount).toList());
        }
    }

    /** A ledger that notes how far reads had been asked for when the first read after a position was. */
    private static final class ReadsLedger extends ForwardingLedger {
        final AtomicLong furthest = new AtomicLong();
        final AtomicLong furthestAtCrash = new AtomicLong(-1);

        ReadsLedger(Ledger ledger) {
            super(ledger);
        }

        @Override
        public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
            furthest.accumulateAndGet(afterPosition, Math::max);
            return ledger.readAll(afterPosition, maxCount);
        }
    }
}
