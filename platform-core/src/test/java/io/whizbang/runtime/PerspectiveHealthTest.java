package io.whizbang.runtime;

import io.whizbang.testing.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.whizbang.ledger.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.whizbang.runtime.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(VertxExtension.class)
class PerspectiveHealthTest {
    private final Tally tally = new Tally();
    private final ManualClock clock = new ManualClock();
    private final GatedStore store = new GatedStore();
    private Ledger ledger;
    private Projections projections;

    @BeforeEach
    void start(Vertx vertx) {
        // events read as recorded 10 s apart: position 1 at START + 10 s
        ledger = new StampedLedger(Ledger.memory(vertx), ManualClock.DEFAULT_START, Duration.ofSeconds(10));
    }

    private void startProjections(Vertx vertx, int batchSize) {
        // one commit per batch while catching up too: the tests follow the lag commit by commit
        projections = result(Projections.start(vertx, tally.registry, ledger, store, new ProjectionsOptions()
                .setClock(clock).setBatchSize(batchSize).setCatchUpEvents(batchSize).setStallAfterMillis(30_000)
                .setHealthCheckMillis(0)));
    }

    @AfterEach
    void stop() {
        store.open(Tally.NAME);
        if (projections != null) {
            result(projections.stop());
        }
    }

    private void add(int events) {
        for (int i = 0; i < events; i++) {
            result(tally.add(ledger, "acme", "c" + i, 1));
        }
    }

    @Test
    void lagTurnsToStalledWhenEventsWaitWithoutProgressAndBackOnceItMoves(Vertx vertx) {
        store.close(Tally.NAME);
        startProjections(vertx, 500);
        add(3);
        await().until(() -> store.held() == 1);
        clock.advance(Duration.ofSeconds(60));

        PerspectiveHealth behind = result(projections.health(Tally.NAME));

        assertThat(behind.state()).isEqualTo(PerspectiveState.RUNNING);
        assertThat(behind.position()).isZero();
        assertThat(behind.head()).isEqualTo(3);
        assertThat(behind.lagEvents()).isEqualTo(3);
        assertThat(behind.lagSeconds()).isEqualTo(50.0);
        assertThat(behind.healthy()).isTrue();

        clock.advance(Duration.ofSeconds(29));
        assertThat(result(projections.health(Tally.NAME)).state()).isEqualTo(PerspectiveState.RUNNING);
        clock.advance(Duration.ofSeconds(1));
        PerspectiveHealth stalled = result(projections.health(Tally.NAME));

        assertThat(stalled.state()).isEqualTo(PerspectiveState.STALLED);
        assertThat(stalled.healthy()).isFalse();
        assertThat(stalled.lagSeconds()).isEqualTo(80.0);

        store.open(Tally.NAME);
        result(projections.caughtUp(3));
        PerspectiveHealth recovered = result(projections.health(Tally.NAME));

        assertThat(recovered.state()).isEqualTo(PerspectiveState.RUNNING);
        assertThat(recovered.healthy()).isTrue();
        assertThat(recovered.lagEvents()).isZero();
        assertThat(recovered.lagSeconds()).isZero();
        assertThat(recovered.throughput()).isEqualTo(3 / 60.0);
    }

    @Test
    void aPerspectiveBehindButMakingProgressIsNotStalled(Vertx vertx) {
        store.close(Tally.NAME);
        startProjections(vertx, 1);
        add(4);
        await().until(() -> store.held() == 1);
        result(projections.health(Tally.NAME));

        for (int committed = 1; committed <= 2; committed++) {
            clock.advance(Duration.ofSeconds(20));
            store.releaseOne();
            result(projections.caughtUp(committed));
            await().until(() -> store.held() == 1);
            clock.advance(Duration.ofSeconds(20));
            PerspectiveHealth health = result(projections.health(Tally.NAME));
            // more than a batch (of 1) behind, and moving
            assertThat(health.state()).isEqualTo(PerspectiveState.CATCHING_UP);
            assertThat(health.lagEvents()).isEqualTo(4 - committed);
        }

        clock.advance(Duration.ofSeconds(10));
        assertThat(result(projections.health(Tally.NAME)).state()).isEqualTo(PerspectiveState.STALLED);
    }

    @Test
    void aPerspectiveFallingFurtherBehindIsStalledThoughItMoves(Vertx vertx) {
        store.close(Tally.NAME);
        startProjections(vertx, 1);
        add(2);
        await().until(() -> store.held() == 1);
        result(projections.health(Tally.NAME));

        for (int step = 1; step <= 3; step++) {
            add(2);
            store.releaseOne();
            result(projections.caughtUp(step));
            await().until(() -> store.held() == 1);
            clock.advance(Duration.ofSeconds(10));
            PerspectiveHealth health = result(projections.health(Tally.NAME));
            // a second reading at the same moment (a dashboard polling) sees the same lag and changes nothing
            assertThat(result(projections.health(Tally.NAME)).lagEvents()).isEqualTo(2 + step);
            assertThat(health.lagEvents()).isEqualTo(2 + step);
            // it committed 10 s ago: only the lag that never shrank for 30 s, and grew, makes it stalled
            assertThat(health.state()).isEqualTo(step < 3 ? PerspectiveState.CATCHING_UP : PerspectiveState.STALLED);
        }
    }

    @Test
    void farBehindAndMovingIsCatchingUp(Vertx vertx) {
        store.close(Tally.NAME);
        startProjections(vertx, 2);
        add(5);
        await().until(() -> store.held() == 1);

        PerspectiveHealth health = result(projections.health(Tally.NAME));

        assertThat(health.state()).isEqualTo(PerspectiveState.CATCHING_UP);
        assertThat(health.healthy()).isTrue();
    }

    @Test
    void aPerspectiveWhoseStoreFailsIsFailed(Vertx vertx) {
        store.fail(Tally.NAME);
        startProjections(vertx, 500);
        add(1);
        await().until(() -> result(projections.health(Tally.NAME)).state() == PerspectiveState.FAILED);

        PerspectiveHealth health = result(projections.health(Tally.NAME));

        assertThat(health.healthy()).isFalse();
        assertThat(health.failure()).contains("the disk of count is gone");
        assertThat(projections.statuses().get(0).running()).isFalse();
    }

    @Test
    void healthTravelsAsJsonAndBack(Vertx vertx) {
        startProjections(vertx, 500);
        add(2);
        result(projections.caughtUp(2));

        PerspectiveHealth health = result(projections.health(Tally.NAME));

        assertThat(PerspectiveHealth.fromJson(health.toJson())).isEqualTo(health);
        assertThat(health.toJson().getString("state")).isEqualTo("RUNNING");
        assertThat(health.toJson().getBoolean("healthy")).isTrue();
    }
}
