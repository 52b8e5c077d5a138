package io.whizbang.eventstore;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.TransientException;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxPublisher;
import io.whizbang.outbox.OutboxRecord;
import io.whizbang.outbox.OutboxRelayOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class OutboxRelayVerticleTest {
    private final OutboxRelayOptions fast = new OutboxRelayOptions().setBatchSize(3).setPollMillis(50)
            .setBackoff(5, 20);

    private static Future<Void> appendWithMessages(Ledger ledger, String stream, int count) {
        List<OutboxMessage> messages = IntStream.range(0, count).mapToObj(n -> new OutboxMessage(MessageIds.next(),
                "acme", "orders", stream, new JsonObject().put("stream", stream).put("n", n), new JsonObject()))
                .toList();
        EventData event = new EventData(MessageIds.next(), "Happened", 1, new JsonObject(), new JsonObject());
        return ledger.append(List.of(new StreamAppend("acme", StreamId.of("Order", stream), ExpectedVersion.any(),
                List.of(event))), messages).mapEmpty();
    }

    private static List<String> keys(List<OutboxRecord> records) {
        return records.stream().map(r -> r.message().payload().getString("stream") + "/"
                + r.message().payload().getInteger("n")).toList();
    }

    @Test
    void committedMessagesArePublishedInOrderAndMarked(Vertx vertx, VertxTestContext ctx) throws Exception {
        Ledger ledger = Ledger.memory(vertx);
        List<OutboxRecord> received = Collections.synchronizedList(new ArrayList<>());
        OutboxPublisher publisher = batch -> {
            received.addAll(batch);
            return Future.succeededFuture();
        };
        appendWithMessages(ledger, "1", 4)
                .compose(done -> vertx.deployVerticle(new OutboxRelayVerticle(ledger, publisher, fast)))
                .compose(id -> appendWithMessages(ledger, "2", 2))
                .onComplete(ctx.succeeding(done -> vertx.setPeriodic(10, timer -> {
                    if (received.size() < 6) {
                        return;
                    }
                    vertx.cancelTimer(timer);
                    ledger.outbox().pending(100).onComplete(ctx.succeeding(pending -> ctx.verify(() -> {
                        assertThat(keys(received)).containsExactly("1/0", "1/1", "1/2", "1/3", "2/0", "2/1");
                        assertThat(pending).as("everything published is marked").isEmpty();
                        ctx.completeNow();
                    })));
                })));
        assertThat(ctx.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailingPublisherLosesNothingAndIsRetried(Vertx vertx, VertxTestContext ctx) throws Exception {
        Ledger ledger = Ledger.memory(vertx);
        AtomicInteger failuresLeft = new AtomicInteger(3);
        List<OutboxRecord> received = Collections.synchronizedList(new ArrayList<>());
        OutboxPublisher flaky = batch -> {
            if (failuresLeft.getAndDecrement() > 0) {
                return Future.failedFuture(TransientException.unavailable("the broker", null));
            }
            received.addAll(batch);
            return Future.succeededFuture();
        };
        appendWithMessages(ledger, "1", 5)
                .compose(done -> vertx.deployVerticle(new OutboxRelayVerticle(ledger, flaky, fast)))
                .onComplete(ctx.succeeding(id -> vertx.setPeriodic(10, timer -> {
                    if (received.size() < 5) {
                        return;
                    }
                    vertx.cancelTimer(timer);
                    ctx.verify(() -> {
                        assertThat(keys(received)).containsExactly("1/0", "1/1", "1/2", "1/3", "1/4");
                        assertThat(failuresLeft.get()).isNegative();
                    });
                    ctx.completeNow();
                })));
        assertThat(ctx.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRestartedRelayPublishesWhatTheStoppedOneLeftPending(Vertx vertx, VertxTestContext ctx) throws Exception {
        Ledger ledger = Ledger.memory(vertx);
        List<OutboxRecord> received = Collections.synchronizedList(new ArrayList<>());
        OutboxPublisher refusing = batch -> Future.failedFuture(TransientException.unavailable("the broker", null));
        OutboxPublisher working = batch -> {
            received.addAll(batch);
            return Future.succeededFuture();
        };
        appendWithMessages(ledger, "1", 2)
                .compose(done -> vertx.deployVerticle(new OutboxRelayVerticle(ledger, refusing, fast)))
                .compose(vertx::undeploy)
                .compose(done -> vertx.deployVerticle(new OutboxRelayVerticle(ledger, working, fast)))
                .onComplete(ctx.succeeding(id -> vertx.setPeriodic(10, timer -> {
                    if (received.size() < 2) {
                        return;
                    }
                    vertx.cancelTimer(timer);
                    ctx.verify(() -> assertThat(keys(received)).containsExactly("1/0", "1/1"));
                    ctx.completeNow();
                })));
        assertThat(ctx.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
    }
}
