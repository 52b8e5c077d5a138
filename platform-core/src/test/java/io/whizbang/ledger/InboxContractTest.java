package io.whizbang.ledger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox every ledger driver that serves an inbound transport must keep: an incoming message's id is recorded in
 * the transaction of its effects, so a redelivered message is applied once.
 */
@ExtendWith(VertxExtension.class)
public abstract class InboxContractTest {
    private static final StreamId ORDER = StreamId.of("Order", "7");
    protected Ledger ledger;

    /** An empty ledger of the driver under test. */
    protected abstract Future<Ledger> createLedger(Vertx vertx);

    @BeforeEach
    void openLedger(Vertx vertx, VertxTestContext ctx) {
        createLedger(vertx).onComplete(ctx.succeeding(created -> {
            ledger = created;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void closeLedger(VertxTestContext ctx) {
        ledger.close().onComplete(ctx.succeedingThenComplete());
    }

    private static List<StreamAppend> appendOf(int count) {
        return List.of(new StreamAppend("acme", ORDER, ExpectedVersion.any(), IntStream.range(0, count)
                .mapToObj(n -> new EventData(MessageIds.next(), "Happened", 1, new JsonObject().put("n", n),
                        new JsonObject())).toList()));
    }

    private static OutboxMessage outgoing() {
        return new OutboxMessage(MessageIds.next(), "acme", "orders", ORDER.value(), new JsonObject(),
                new JsonObject());
    }

    @Test
    void aDriverServingAnInboundTransportKeepsAnInbox() {
        assertThat(ledger.keepsInbox()).isTrue();
    }

    @Test
    void theSecondAppendForOneIncomingMessageWritesNothing(VertxTestContext ctx) {
        // given
        InboxEntry received = new InboxEntry(MessageIds.next(), "acme");
        // when
        ledger.append(appendOf(2), List.of(outgoing()), received)
                .compose(first -> ledger.append(appendOf(3), List.of(outgoing()), received)
                        .map(second -> (Throwable) null).recover(Future::succeededFuture))
                .compose(refusal -> ledger.readStream("acme", ORDER, 1, 100).compose(slice ->
                        ledger.outbox().pending(100).map(pending -> {
                            // then
                            ctx.verify(() -> {
                                assertThat(refusal).isInstanceOf(AlreadyHandledException.class);
                                assertThat(((AlreadyHandledException) refusal).messageId())
                                        .isEqualTo(received.messageId());
                                assertThat(slice.streamVersion()).as("only the first append's events").isEqualTo(2);
                                assertThat(pending).as("only the first append's outgoing message").hasSize(1);
                            });
                            return pending;
                        })))
                .compose(done -> ledger.handled(received.messageId()))
                .onComplete(ctx.succeeding(handled -> ctx.verify(() -> {
                    assertThat(handled).isTrue();
                    ctx.completeNow();
                })));
    }

    @Test
    void aFailedAppendRecordsNoIncomingMessage(VertxTestContext ctx) {
        InboxEntry received = new InboxEntry(MessageIds.next(), "acme");
        List<StreamAppend> stale = List.of(new StreamAppend("acme", ORDER, ExpectedVersion.exactly(5),
                appendOf(1).get(0).events()));
        ledger.append(stale, List.of(), received)
                .map(written -> (Throwable) null).recover(Future::succeededFuture)
                .compose(failure -> {
                    ctx.verify(() -> assertThat(failure).as("the version conflict").isNotNull()
                            .isNotInstanceOf(AlreadyHandledException.class));
                    return ledger.handled(received.messageId());
                })
                .compose(handled -> {
                    ctx.verify(() -> assertThat(handled).as("a rolled-back append records nothing").isFalse());
                    return ledger.append(appendOf(1), List.of(), received);
                })
                .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
                    assertThat(result.version()).as("the message can still be handled").isEqualTo(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void markingAMessageHandledIsIdempotentAndBlocksItsAppend(VertxTestContext ctx) {
        InboxEntry received = new InboxEntry(MessageIds.next(), "acme");
        UUID other = MessageIds.next();
        ledger.markHandled(received)
                .compose(first -> ledger.markHandled(received).map(second -> List.of(first, second)))
                .compose(marks -> {
                    ctx.verify(() -> assertThat(marks).containsExactly(true, false));
                    return ledger.append(appendOf(1), List.of(), received).map(r -> (Throwable) null)
                            .recover(Future::succeededFuture);
                })
                .compose(refusal -> {
                    ctx.verify(() -> assertThat(refusal).isInstanceOf(AlreadyHandledException.class));
                    return ledger.handled(other);
                })
                .onComplete(ctx.succeeding(handled -> ctx.verify(() -> {
                    assertThat(handled).as("another message is not handled").isFalse();
                    ctx.completeNow();
                })));
    }
}
