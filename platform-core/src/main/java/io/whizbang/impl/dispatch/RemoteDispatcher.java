package io.whizbang.impl.dispatch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.Receipt;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.Query;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A dispatcher that sends every message over the event bus to a {@code DispatcherVerticle}: what gateways use.
 * Commands and queries travel as envelope objects ({@link BusCodecs}): no JSON inside one JVM, JSON between nodes.
 *
 * <p>On a Vert.x that is not clustered, commands and queries sent from the event loop that first sent one travel
 * through that loop's {@link ReplyChannel}: one reply consumer and one timer for all of them rather than a reply
 * handler and a timer each. Other senders, and every sender of a clustered Vert.x, use event-bus requests.
 */
public final class RemoteDispatcher implements Dispatcher {
    private final Vertx vertx;
    private final Codecs codecs;
    private final EnvelopeJson envelopes;
    private final DispatcherOptions options;
    private final DeliveryOptions delivery;
    private final DeliveryOptions envelopeDelivery;
    private final AtomicReference<ReplyChannel> channel = new AtomicReference<>();

    public RemoteDispatcher(Vertx vertx, Codecs codecs, DispatcherOptions options) {
        this.vertx = vertx;
        this.codecs = codecs;
        this.envelopes = new EnvelopeJson(codecs);
        this.options = options;
        this.delivery = new DeliveryOptions().setSendTimeout(options.getSendTimeoutMillis());
        this.envelopeDelivery = new DeliveryOptions(delivery.toJson()).setCodecName(BusCodecs.ENVELOPE);
        BusCodecs.register(vertx, codecs);
    }

    @Override
    public Codecs codecs() {
        return codecs;
    }

    @Override
    public Future<Receipt> send(Envelope<? extends Command> command) {
        ReplyChannel replies = channelOfThisThread();
        if (replies != null) {
            return replies.request(options.commandAddress(), command).transform(answered -> answered.succeeded()
                    ? Future.succeededFuture((Receipt) answered.result())
                    : Future.failedFuture(Failures.fromReply(answered.cause(), options.commandAddress())));
        }
        return vertx.eventBus().request(options.commandAddress(), command, envelopeDelivery)
                .map(reply -> reply.body() instanceof Receipt receipt ? receipt
                        : ReceiptJson.decode((JsonObject) reply.body()))
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, options.commandAddress())));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Future<R> ask(Envelope<? extends Query<R>> query) {
        ReplyChannel replies = channelOfThisThread();
        if (replies != null) {
            return replies.request(options.queryAddress(), query).transform(answered -> answered.succeeded()
                    ? Future.succeededFuture((R) ((BusCodecs.Answer) answered.result()).value())
                    : Future.failedFuture(Failures.fromReply(answered.cause(), options.queryAddress())));
        }
        return vertx.eventBus().request(options.queryAddress(), query, envelopeDelivery)
                .map(reply -> (R) (reply.body() instanceof BusCodecs.Answer answer ? answer.value()
                        : BusCodecs.answerOf(codecs, (JsonObject) reply.body())))
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, options.queryAddress())));
    }

    @Override
    public Future<Receipt> publish(StreamId stream, List<Envelope<? extends Event>> events) {
        JsonArray encoded = new JsonArray();
        events.forEach(event -> encoded.add(envelopes.encode(event)));
        return request(options.commandAddress(), new JsonObject()
                .put("publish", new JsonObject().put("stream", stream.value()).put("events", encoded)))
                .map(ReceiptJson::decode);
    }

    /**
     * The reply channel of the calling event loop: opened by the first command or query sent from an event loop of a
     * Vert.x that is not clustered; null for any other thread.
     */
    private ReplyChannel channelOfThisThread() {
        ReplyChannel open = channel.get();
        if (open != null && open.isListening()) {
            return open.servesCurrentThread() ? open : null;
        }
        if (!Context.isOnEventLoopThread() || Vertx.currentContext() == null || Vertx.currentContext().owner() != vertx
                || vertx.isClustered()) {
            return null;
        }
        ReplyChannel opened = new ReplyChannel(vertx, options.getSendTimeoutMillis());
        if (channel.compareAndSet(open, opened)) {
            return opened;
        }
        opened.close();
        ReplyChannel winner = channel.get();
        return winner.servesCurrentThread() && winner.isListening() ? winner : null;
    }

    private Future<JsonObject> request(String address, JsonObject body) {
        return vertx.eventBus().<JsonObject>request(address, body, delivery)
                .map(io.vertx.core.eventbus.Message::body)
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, address)));
    }
}
