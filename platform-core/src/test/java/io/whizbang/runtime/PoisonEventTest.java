package io.whizbang.runtime;

import io.whizbang.testing.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.testdomain.Incremented;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.whizbang.runtime.Await.failure;
import static io.whizbang.runtime.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class PoisonEventTest {
    private final Tally tally = new Tally();
    private final ManualClock clock = new ManualClock();
    private Ledger ledger;
    private ProjectionStore store;
    private Projections projections;

    @BeforeEach
    void start(Vertx vertx) {
        ledger = Ledger.memory(vertx);
        store = ProjectionStore.memory();
        tally.poison = event -> event.by() == 13;
        projections = result(Projections.start(vertx, tally.registry, ledger, store, new ProjectionsOptions()
                .setClock(clock).setRetryPolicy(RetryPolicy.immediate(3)).setHealthCheckMillis(0)));
    }

    @AfterEach
    void stop() {
        result(projections.stop());
    }

    private int count(String tenant, String key) {
        DocumentKey documentKey = new DocumentKey(tenant, Tally.NAME, key);
        var found = result(store.load(List.of(documentKey))).get(documentKey);
        return found == null ? 0 : found.json().getInteger("value");
    }

    private void addAll(Object... tenantCounterBy) {
        for (int i = 0; i < tenantCounterBy.length; i += 3) {
            result(tally.add(ledger, (String) tenantCounterBy[i], (String) tenantCounterBy[i + 1],
                    (Integer) tenantCounterBy[i + 2]));
        }
    }

    private static void assertCode(Throwable failure, ErrorCode code) {
        assertThat(failure).isInstanceOf(WhizbangException.class);
        assertThat(((WhizbangException) failure).code()).isEqualTo(code);
    }

    @Test
    void aFailingEventIsParkedAfterItsRetriesAndThePerspectiveMovesOn() {
        addAll("acme", "c1", 1, "acme", "c1", 13, "acme", "c1", 2, "acme", "c2", 5);

        result(projections.caughtUp(4));

        assertThat(count("acme", "c1")).isEqualTo(3);
        assertThat(count("acme", "c2")).isEqualTo(5);
        // the poison event's handler had already asked for a change of "all" when it threw: not committed
        assertThat(count("acme", Tally.ALL)).isEqualTo(8);
        assertThat(tally.failures.get()).isEqualTo(3);
        List<DeadLetter> letters = result(projections.deadLetters(Tally.NAME));
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.perspective()).isEqualTo(Tally.NAME);
        assertThat(letter.tenant()).isEqualTo("acme");
        assertThat(letter.position()).isEqualTo(2);
        assertThat(letter.stream()).isEqualTo("Counter-c1");
        assertThat(letter.version()).isEqualTo(2);
        assertThat(letter.type()).isEqualTo("Incremented");
        assertThat(letter.error()).contains("IllegalStateException").contains("poisoned c1 by 13");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.parkedAt()).isEqualTo(ManualClock.DEFAULT_START);
        assertThat(letter.isParked()).isTrue();
        PerspectiveHealth health = result(projections.health(Tally.NAME));
        assertThat(health.errors()).isEqualTo(3);
        assertThat(health.parked()).isEqualTo(1);
        assertThat(health.position()).isEqualTo(4);
        assertThat(health.healthy()).isTrue();
    }

    @Test
    void aChangeThatThrowsWhileAppliedLeavesNoHalfWriteOfItsEvent() {
        addAll("acme", "c1", 4, "acme", "c1", -1, "acme", "c2", 1);

        result(projections.caughtUp(3));

        // the negative increment's change of "all" applied before its change of c1 threw: dropped with it
        assertThat(count("acme", Tally.ALL)).isEqualTo(5);
        assertThat(count("acme", "c1")).isEqualTo(4);
        assertThat(count("acme", "c2")).isEqualTo(1);
        List<DeadLetter> letters = result(projections.deadLetters(Tally.NAME));
        assertThat(letters).extracting(DeadLetter::position).containsExactly(2L);
        assertThat(letters.get(0).error()).contains("negative increment of c1");
    }

    @Test
    void aHandlerThatRecoversWithinItsRetriesParksNothing() {
        tally.poison = event -> event.by() == 13 && tally.failures.get() < 2;
        addAll("acme", "c1", 13, "acme", "c1", 1);

        result(projections.caughtUp(2));

        assertThat(count("acme", "c1")).isEqualTo(14);
        assertThat(result(projections.deadLetters(Tally.NAME))).isEmpty();
        assertThat(result(projections.health(Tally.NAME)).errors()).isEqualTo(2);
    }

    @Test
    void retryAppliesTheParkedEventOnceItsHandlerIsFixed() {
        addAll("acme", "c1", 1, "acme", "c1", 13, "acme", "c1", 2);
        result(projections.caughtUp(3));
        tally.poison = event -> false;
        clock.advance(java.time.Duration.ofMinutes(5));

        DeadLetter retried = result(projections.retry(Tally.NAME, 2));

        assertThat(retried.status()).isEqualTo(DeadLetter.Status.RETRIED);
        assertThat(retried.resolvedAt()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(300));
        assertThat(count("acme", "c1")).isEqualTo(16);
        assertThat(count("acme", Tally.ALL)).isEqualTo(16);
        assertThat(result(store.checkpoint(Tally.NAME))).isEqualTo(3);
        assertThat(result(projections.health(Tally.NAME)).parked()).isZero();
        // a retried letter is not applied twice
        assertCode(failure(projections.retry(Tally.NAME, 2)), ErrorCode.CONFLICT);
        assertThat(count("acme", "c1")).isEqualTo(16);
    }

    @Test
    void aRetryThatFailsAgainKeepsTheLetterParkedAndWritesNothing() {
        addAll("acme", "c1", 1, "acme", "c1", 13);
        result(projections.caughtUp(2));

        Throwable failed = failure(projections.retry(Tally.NAME, 2));

        assertCode(failed, ErrorCode.CONFLICT);
        assertThat(failed.getMessage()).contains("position 2").contains("stays parked");
        DeadLetter letter = result(projections.deadLetters(Tally.NAME)).get(0);
        assertThat(letter.isParked()).isTrue();
        assertThat(letter.attempts()).isEqualTo(4);
        assertThat(count("acme", "c1")).isEqualTo(1);
        assertThat(count("acme", Tally.ALL)).isEqualTo(1);
    }

    @Test
    void skipMarksTheLetterSkippedAndNeverAppliesIt() {
        addAll("acme", "c1", 1, "acme", "c1", 13);
        result(projections.caughtUp(2));
        tally.poison = event -> false;

        DeadLetter skipped = result(projections.skip(Tally.NAME, 2));

        assertThat(skipped.status()).isEqualTo(DeadLetter.Status.SKIPPED);
        assertThat(result(projections.deadLetters(Tally.NAME))).extracting(DeadLetter::status)
                .containsExactly(DeadLetter.Status.SKIPPED);
        assertCode(failure(projections.retry(Tally.NAME, 2)), ErrorCode.CONFLICT);
        assertThat(count("acme", "c1")).isEqualTo(1);
        assertCode(failure(projections.skip(Tally.NAME, 2)), ErrorCode.CONFLICT);
        assertCode(failure(projections.skip(Tally.NAME, 1)), ErrorCode.NOT_FOUND);
        assertCode(failure(projections.skip("nope", 1)), ErrorCode.NOT_FOUND);
    }

    @Test
    void eventsOfOneTenantNeverLandInAnothersDocuments() {
        tally.poison = (Incremented event) -> false;
        addAll("acme", "c1", 1, "globex", "c1", 10, "acme", "c1", 2, "globex", "c2", 20);

        result(projections.caughtUp(4));

        assertThat(count("acme", "c1")).isEqualTo(3);
        assertThat(count("globex", "c1")).isEqualTo(10);
        assertThat(count("acme", Tally.ALL)).isEqualTo(3);
        assertThat(count("globex", Tally.ALL)).isEqualTo(30);
        assertThat(count("acme", "c2")).isZero();
    }
}
