package io.whizbang.projection;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every dead-letter store driver must have; a driver's test extends this class.
 */
@ExtendWith(VertxExtension.class)
public abstract class DeadLetterStoreContractTest {
    private static final Instant PARKED = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final Instant LATER = Instant.parse("2026-03-01T11:00:00Z");
    protected DeadLetterStore store;

    /** An empty store of the driver under test. */
    protected abstract Future<DeadLetterStore> createStore(Vertx vertx);

    @BeforeEach
    void openStore(Vertx vertx, VertxTestContext ctx) {
        createStore(vertx).onComplete(ctx.succeeding(created -> {
            store = created;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void closeStore(VertxTestContext ctx) {
        store.close().onComplete(ctx.succeedingThenComplete());
    }

    private static DeadLetter letter(String perspective, long position, String error) {
        return DeadLetter.parked(perspective, "acme", position, "Order-" + position, 3, "OrderPlaced", error, 3,
                PARKED);
    }

    private static void assertCode(Throwable failure, ErrorCode code) {
        assertThat(failure).isInstanceOf(WhizbangException.class);
        assertThat(((WhizbangException) failure).code()).isEqualTo(code);
    }

    @Test
    void parkedLettersAreListedPerPerspectiveInPositionOrderWithEveryField(VertxTestContext ctx) {
        store.park(letter("orders", 42, "IllegalStateException: boom"))
                .compose(done -> store.park(letter("orders", 7, "second")))
                .compose(done -> store.park(letter("sales", 8, "other perspective")))
                .compose(done -> store.list("orders"))
                .onComplete(ctx.succeeding(letters -> ctx.verify(() -> {
                    assertThat(letters).extracting(DeadLetter::position).containsExactly(7L, 42L);
                    assertThat(letters.get(1)).isEqualTo(letter("orders", 42, "IllegalStateException: boom"));
                    ctx.completeNow();
                })));
    }

    @Test
    void aPerspectiveWithoutLettersListsNone(VertxTestContext ctx) {
        store.list("never-failed").onComplete(ctx.succeeding(letters -> ctx.verify(() -> {
            assertThat(letters).isEmpty();
            ctx.completeNow();
        })));
    }

    @Test
    void parkingTheSameEventAgainKeepsOneLetterWithTheNewerError(VertxTestContext ctx) {
        DeadLetter first = letter("orders", 42, "first");
        store.park(first)
                .compose(done -> store.park(first.failedAgain("second", LATER)))
                .compose(done -> store.list("orders"))
                .onComplete(ctx.succeeding(letters -> ctx.verify(() -> {
                    assertThat(letters).hasSize(1);
                    assertThat(letters.get(0).error()).isEqualTo("second");
                    assertThat(letters.get(0).attempts()).isEqualTo(4);
                    assertThat(letters.get(0).parkedAt()).isEqualTo(LATER);
                    assertThat(letters.get(0).isParked()).isTrue();
                    ctx.completeNow();
                })));
    }

    @Test
    void resolvingMarksTheLetterAndKeepsItListed(VertxTestContext ctx) {
        store.park(letter("orders", 42, "boom"))
                .compose(done -> store.park(letter("orders", 43, "boom")))
                .compose(done -> store.resolve("orders", 42, DeadLetter.Status.SKIPPED, LATER))
                .compose(skipped -> {
                    ctx.verify(() -> {
                        assertThat(skipped.status()).isEqualTo(DeadLetter.Status.SKIPPED);
                        assertThat(skipped.resolvedAt()).isEqualTo(LATER);
                    });
                    return store.resolve("orders", 43, DeadLetter.Status.RETRIED, LATER);
                })
                .compose(retried -> store.list("orders"))
                .onComplete(ctx.succeeding(letters -> ctx.verify(() -> {
                    assertThat(letters).extracting(DeadLetter::status)
                            .containsExactly(DeadLetter.Status.SKIPPED, DeadLetter.Status.RETRIED);
                    assertThat(letters).extracting(DeadLetter::resolvedAt).containsOnly(LATER);
                    ctx.completeNow();
                })));
    }

    @Test
    void resolvingAResolvedLetterIsAConflict(VertxTestContext ctx) {
        store.park(letter("orders", 42, "boom"))
                .compose(done -> store.resolve("orders", 42, DeadLetter.Status.SKIPPED, LATER))
                .compose(done -> store.resolve("orders", 42, DeadLetter.Status.RETRIED, LATER))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertCode(failure, ErrorCode.CONFLICT);
                    assertThat(failure.getMessage()).contains("orders").contains("42").contains("skipped");
                    ctx.completeNow();
                })));
    }

    @Test
    void resolvingWhereNoLetterIsParkedIsNotFound(VertxTestContext ctx) {
        store.park(letter("orders", 42, "boom"))
                .compose(done -> store.resolve("sales", 42, DeadLetter.Status.SKIPPED, LATER))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertCode(failure, ErrorCode.NOT_FOUND);
                    assertThat(failure.getMessage()).contains("sales").contains("42");
                    ctx.completeNow();
                })));
    }

    @Test
    void aLetterTravelsAsJsonAndBack(VertxTestContext ctx) {
        DeadLetter parked = letter("orders", 42, "boom");
        DeadLetter resolved = parked.resolved(DeadLetter.Status.RETRIED, LATER);
        ctx.verify(() -> {
            assertThat(DeadLetter.fromJson(parked.toJson())).isEqualTo(parked);
            assertThat(DeadLetter.fromJson(resolved.toJson())).isEqualTo(resolved);
            assertThat(parked.toJson().containsKey("resolvedAt")).isFalse();
        });
        ctx.completeNow();
    }
}
