package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Input the ledger refuses gets a coded error, and nothing of the append is written: no event, no outbox row. */
@ExtendWith(VertxExtension.class)
class PostgresBadInputIT {
    private static final StreamId ORDER = StreamId.of("Order", "1");
    private static final StreamId STOCK = StreamId.of("Stock", "1");

    private PostgresLedger ledger;

    @BeforeEach
    void open(Vertx vertx, VertxTestContext ctx) {
        PostgresLedger.connect(vertx, PostgresServer.get().freshOptions().setMaxEventBytes(2048))
                .onComplete(ctx.succeeding(opened -> {
                    ledger = opened;
                    ctx.completeNow();
                }));
    }

    @AfterEach
    void close(VertxTestContext ctx) {
        ledger.close().onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void anEventOverTheConfiguredLimitIsInvalid(VertxTestContext ctx) {
        EventData big = event(new JsonObject().put("blob", "x".repeat(2100)));
        refused(ctx, ledger.append(List.of(new StreamAppend("acme", ORDER, ExpectedVersion.any(),
                List.of(event(new JsonObject()), big)))), ErrorCode.INVALID_ARGUMENT, "the limit is 2048");
    }

    @Test
    void aPayloadPostgresCannotStoreIsInvalidAndNoOtherStreamIsWritten(VertxTestContext ctx) {
        // JSON allows \u0000 in a string; PostgreSQL's jsonb does not
        EventData nul = event(new JsonObject().put("text", "a\u0000b"));
        refused(ctx, ledger.append(List.of(
                new StreamAppend("acme", STOCK, ExpectedVersion.noStream(), List.of(event(new JsonObject()))),
                new StreamAppend("acme", ORDER, ExpectedVersion.noStream(), List.of(nul)))),
                ErrorCode.INVALID_ARGUMENT, "refused the data");
    }

    @Test
    void aTenantWithANulCharacterIsInvalid(VertxTestContext ctx) {
        refused(ctx, ledger.append("ac\u0000me", ORDER, ExpectedVersion.any(), List.of(event(new JsonObject()))),
                ErrorCode.INVALID_ARGUMENT, "refused the data");
    }

    @Test
    void aStreamNamedTwiceInOneAppendIsInvalid(VertxTestContext ctx) {
        refused(ctx, ledger.append(List.of(
                new StreamAppend("acme", ORDER, ExpectedVersion.any(), List.of(event(new JsonObject()))),
                new StreamAppend("acme", ORDER, ExpectedVersion.any(), List.of(event(new JsonObject()))))),
                ErrorCode.INVALID_ARGUMENT, "appears twice");
    }

    @Test
    void anOutboxMessageIdGivenTwiceIsInvalid(VertxTestContext ctx) {
        OutboxMessage message = message(MessageIds.next());
        refused(ctx, ledger.append(List.of(new StreamAppend("acme", ORDER, ExpectedVersion.any(),
                List.of(event(new JsonObject())))), List.of(message, message)), ErrorCode.INVALID_ARGUMENT,
                "appears twice");
    }

    @Test
    void anOutboxMessageIdAlreadyStoredIsAConflictAndTheNewEventsAreNotWritten(VertxTestContext ctx) {
        UUID id = MessageIds.next();
        ledger.append(List.of(new StreamAppend("acme", STOCK, ExpectedVersion.any(),
                        List.of(event(new JsonObject())))), List.of(message(id)))
                .onComplete(ctx.succeeding(first -> refused(ctx, ledger.append(List.of(new StreamAppend("acme",
                                ORDER, ExpectedVersion.any(), List.of(event(new JsonObject())))),
                                List.of(message(id))), ErrorCode.CONFLICT, id + " is already stored", 1, 1)));
    }

    @Test
    void anEventIdStoredInAnotherStreamIsAConflict(VertxTestContext ctx) {
        EventData event = event(new JsonObject());
        ledger.append("acme", STOCK, ExpectedVersion.any(), List.of(event))
                .onComplete(ctx.succeeding(first -> refused(ctx,
                        ledger.append("acme", ORDER, ExpectedVersion.any(), List.of(event)), ErrorCode.CONFLICT,
                        "already stored in stream Stock-1", 1, 0)));
    }

    @Test
    void aNegativeCountIsInvalid(VertxTestContext ctx) {
        ledger.readAll(0, -1).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            ctx.completeNow();
        })));
    }

    private void refused(VertxTestContext ctx, Future<?> attempt, ErrorCode code, String message) {
        refused(ctx, attempt, code, message, 0, 0);
    }

    /** The attempt fails with the code, and the ledger holds only what it held before. */
    private void refused(VertxTestContext ctx, Future<?> attempt, ErrorCode code, String message, long events,
                         int outboxRows) {
        attempt.recover(failure -> {
                    ctx.verify(() -> {
                        assertThat(failure).isInstanceOf(WhizbangException.class).hasMessageContaining(message);
                        assertThat(((WhizbangException) failure).code()).isEqualTo(code);
                    });
                    return Future.succeededFuture();
                })
                .compose(v -> ledger.readAll(0, 100))
                .compose(all -> {
                    ctx.verify(() -> assertThat(all).hasSize((int) events));
                    return ledger.outbox().pending(100);
                })
                .onComplete(ctx.succeeding(pending -> ctx.verify(() -> {
                    assertThat(pending).hasSize(outboxRows);
                    ctx.completeNow();
                })));
    }

    private static EventData event(JsonObject payload) {
        return new EventData(MessageIds.next(), "Happened", 1, payload, new JsonObject());
    }

    private static OutboxMessage message(UUID id) {
        return new OutboxMessage(id, "acme", "orders", ORDER.value(), new JsonObject(), new JsonObject());
    }
}
