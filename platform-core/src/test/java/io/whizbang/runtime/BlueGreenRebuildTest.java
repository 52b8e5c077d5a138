package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.Count;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.GetCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.whizbang.runtime.Await.failure;
import static io.whizbang.runtime.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(VertxExtension.class)
class BlueGreenRebuildTest {
    private static final String GENERATION_1 = Tally.NAME + "#1";
    private final Tally tally = new Tally();
    private final GatedStore store = new GatedStore();
    private final Map<String, Map<String, Integer>> expected = new TreeMap<>();
    private Vertx vertx;
    private Ledger ledger;
    private Projections projections;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        ledger = Ledger.memory(vertx);
        projections = startProjections();
    }

    private Projections startProjections() {
        // catch-up windows of one page, so a rebuild commits every 7 events as live batches do
        return result(Projections.start(vertx, tally.registry, ledger, store, new ProjectionsOptions()
                .setBatchSize(7).setCatchUpEvents(7).setHealthCheckMillis(0).setRetiredGenerationGraceMillis(0)));
    }

    @AfterEach
    void stop() {
        store.open(GENERATION_1);
        if (projections != null) {
            result(projections.stop());
        }
    }

    /** Appends {@code events} increments over two tenants and three counters, remembering the expected totals. */
    private Future<Long> write(int events, int seed) {
        Future<Long> last = Future.succeededFuture(0L);
        for (int i = 0; i < events; i++) {
            String tenant = (i + seed) % 2 == 0 ? "acme" : "globex";
            String counter = "c" + ((i + seed) % 3);
            int by = 1 + (i + seed) % 5;
            expected.computeIfAbsent(tenant, t -> new TreeMap<>()).merge(counter, by, Integer::sum);
            expected.get(tenant).merge(Tally.ALL, by, Integer::sum);
            last = last.compose(previous -> tally.add(ledger, tenant, counter, by).map(appended ->
                    appended.position()));
        }
        return last;
    }

    private Map<String, Integer> read(ProjectionStore lenses, String tenant) {
        List<Document> items = result(lenses.query(tenant, Tally.NAME, DocumentQuery.all(100))).items();
        return items.stream().collect(Collectors.toMap(Document::key, doc -> doc.json().getInteger("value"),
                (a, b) -> a, TreeMap::new));
    }

    private static void assertCode(Throwable failure, ErrorCode code) {
        assertThat(failure).isInstanceOf(WhizbangException.class);
        assertThat(((WhizbangException) failure).code()).isEqualTo(code);
    }

    @Test
    void aRebuildGrowsBesideTheLiveGenerationWhileWritesContinueAndTakesOverAtTheHead() {
        long head = result(write(40, 0));
        result(projections.caughtUp(head));
        Map<String, Integer> acmeBefore = read(projections.lensStore(), "acme");
        store.close(GENERATION_1);

        PerspectiveHealth started = result(projections.rebuild(Tally.NAME));

        assertThat(started.state()).isEqualTo(PerspectiveState.REBUILDING);
        assertThat(started.generation()).isZero();
        assertThat(started.rebuild().generation()).isEqualTo(1);
        await().until(() -> store.held() == 1);
        // lenses keep answering from the live generation, which keeps up with new writes
        assertThat(read(projections.lensStore(), "acme")).isEqualTo(acmeBefore);
        head = result(write(15, 40));
        result(projections.caughtUp(head));
        assertThat(read(projections.lensStore(), "acme")).isEqualTo(expected.get("acme"));
        PerspectiveHealth midway = result(projections.health(Tally.NAME));
        assertThat(midway.rebuild().position()).isZero();
        assertThat(midway.rebuild().percent()).isZero();

        store.open(GENERATION_1);
        Future<Long> moreWrites = write(25, 55);
        await().until(() -> result(projections.health(Tally.NAME)).generation() == 1);
        head = result(moreWrites);
        result(projections.caughtUp(head));

        PerspectiveHealth after = result(projections.health(Tally.NAME));
        assertThat(after.state()).isEqualTo(PerspectiveState.RUNNING);
        assertThat(after.rebuild()).isNull();
        assertThat(after.position()).isEqualTo(head);
        assertThat(read(projections.lensStore(), "acme")).isEqualTo(expected.get("acme"));
        assertThat(read(projections.lensStore(), "globex")).isEqualTo(expected.get("globex"));
        assertThat(result(store.checkpoint(Tally.NAME + "#active"))).isEqualTo(1);
        // the replaced generation is dropped; the new one is what the store holds
        await().until(() -> result(store.query("acme", Tally.NAME, DocumentQuery.all(10))).items().isEmpty());
        assertThat(read(store, "acme")).isEmpty();
        assertThat(result(store.query("acme", GENERATION_1, DocumentQuery.all(10))).items()).isNotEmpty();
    }

    @Test
    void theActiveGenerationSurvivesARestartAndADispatchersLensesFollowIt() {
        long head = result(write(12, 0));
        result(projections.caughtUp(head));
        // a dispatcher on the plain store, as in a process that does not run the perspectives
        Dispatcher dispatcher = Dispatcher.create(vertx, tally.registry, ledger, store);
        Principal reader = Principal.of("reader", "acme", CounterRegistry.READ);
        assertThat(result(dispatcher.ask(reader, new GetCount("c0"))).value())
                .isEqualTo(expected.get("acme").get("c0"));

        result(projections.rebuild(Tally.NAME));
        await().until(() -> result(projections.health(Tally.NAME)).generation() == 1);
        // the switch is published: the other process's lenses read generation 1, with the old one dropped
        await().until(() -> result(dispatcher.ask(reader, new GetCount("c0"))) != null);
        assertThat(result(dispatcher.ask(reader, new GetCount("c0")))).isEqualTo(new Count("c0",
                expected.get("acme").get("c0")));
        // the same counter name in another tenant is another document: each tenant's lens sees its own
        Principal globex = Principal.of("reader", "globex", CounterRegistry.READ);
        assertThat(result(dispatcher.ask(globex, new GetCount("c0")))).isEqualTo(new Count("c0",
                expected.get("globex").get("c0")));
        assertThat(expected.get("globex").get("c0")).isNotEqualTo(expected.get("acme").get("c0"));
        result(projections.stop());

        projections = startProjections();
        head = result(write(3, 12));
        result(projections.caughtUp(head));

        PerspectiveHealth restarted = result(projections.health(Tally.NAME));
        assertThat(restarted.generation()).isEqualTo(1);
        assertThat(read(projections.lensStore(), "acme")).isEqualTo(expected.get("acme"));
        assertThat(read(projections.lensStore(), "globex")).isEqualTo(expected.get("globex"));
        assertThat(result(dispatcher.ask(reader, new GetCount("c0")))).isEqualTo(new Count("c0",
                expected.get("acme").get("c0")));
    }

    @Test
    void aRebuildInterruptedByARestartResumesAndTakesOver() {
        long head = result(write(20, 0));
        result(projections.caughtUp(head));
        store.close(GENERATION_1);
        result(projections.rebuild(Tally.NAME));
        await().until(() -> store.held() == 1);
        Future<Void> stopping = projections.stop();
        // the batch in hand commits, then the rebuild stops at its checkpoint
        store.open(GENERATION_1);
        result(stopping);
        assertThat(result(store.checkpoint(GENERATION_1))).isEqualTo(7);
        assertThat(result(store.checkpoint(Tally.NAME + "#active"))).isZero();

        projections = startProjections();
        await().until(() -> result(projections.health(Tally.NAME)).generation() == 1);

        assertThat(read(projections.lensStore(), "acme")).isEqualTo(expected.get("acme"));
        assertThat(read(projections.lensStore(), "globex")).isEqualTo(expected.get("globex"));
    }

    @Test
    void aSecondRebuildWhileOneRunsIsAConflictAndAnUnknownPerspectiveIsNotFound() {
        result(write(5, 0));
        store.close(GENERATION_1);
        result(projections.rebuild(Tally.NAME));

        assertCode(failure(projections.rebuild(Tally.NAME)), ErrorCode.CONFLICT);
        assertCode(failure(projections.rebuild("nope")), ErrorCode.NOT_FOUND);
        assertCode(failure(projections.health("nope")), ErrorCode.NOT_FOUND);
    }

    @Test
    void aRebuildHandlesParkedEventsAgainResolvingThoseItNowHandlesAndReParkingTheRest() {
        tally.poisonAt = position -> position == 2 || position == 17;
        long head = result(write(20, 0));
        result(projections.caughtUp(head));
        assertThat(result(projections.deadLetters(Tally.NAME))).extracting(DeadLetter::position)
                .containsExactly(2L, 17L);
        store.close(GENERATION_1);
        result(projections.rebuild(Tally.NAME));

        // while the rebuild runs, a retry would be lost with the live generation: refused
        Throwable refused = failure(projections.retry(Tally.NAME, 2));
        assertCode(refused, ErrorCode.CONFLICT);
        assertThat(refused.getMessage()).contains("being rebuilt");

        // the handler is fixed for the event at 2, not for the one at 17 (acme's c1, +2)
        tally.poisonAt = position -> position == 17;
        store.open(GENERATION_1);
        await().until(() -> result(projections.health(Tally.NAME)).generation() == 1);

        List<DeadLetter> letters = result(projections.deadLetters(Tally.NAME));
        assertThat(letters).extracting(DeadLetter::position).containsExactly(2L, 17L);
        assertThat(letters.get(0).status()).as("handled by the rebuild").isEqualTo(DeadLetter.Status.RETRIED);
        assertThat(letters.get(1).status()).isEqualTo(DeadLetter.Status.PARKED);
        assertThat(read(projections.lensStore(), "globex")).isEqualTo(expected.get("globex"));
        Map<String, Integer> acmeWithout17 = new TreeMap<>(expected.get("acme"));
        acmeWithout17.merge("c1", -2, Integer::sum);
        acmeWithout17.merge(Tally.ALL, -2, Integer::sum);
        assertThat(read(projections.lensStore(), "acme")).isEqualTo(acmeWithout17);

        tally.poisonAt = position -> false;
        assertThat(result(projections.retry(Tally.NAME, 17)).status()).isEqualTo(DeadLetter.Status.RETRIED);
        assertThat(read(projections.lensStore(), "acme")).isEqualTo(expected.get("acme"));
    }

    @Test
    void waitersForAPositionAreAnsweredByTheGenerationThatTookOver() {
        long head = result(write(10, 0));
        result(projections.caughtUp(head));
        store.close(Tally.NAME);
        List<Future<Void>> waiting = new ArrayList<>();
        head = result(write(3, 10));
        await().until(() -> store.held() == 1);
        waiting.add(projections.caughtUp(head));

        result(projections.rebuild(Tally.NAME));
        // the live generation is stuck in a commit; the rebuild reaches the head and must wait for it to stop
        store.open(Tally.NAME);
        await().until(() -> result(projections.health(Tally.NAME)).generation() == 1);
        head = result(write(2, 13));

        result(Future.all(waiting));
        result(projections.caughtUp(head));
        assertThat(read(projections.lensStore(), "acme")).isEqualTo(expected.get("acme"));
    }
}
