package io.whizbang.impl.dispatch;

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

/**
 * A dispatcher that sends every message over the event bus to a {@code DispatcherVerticle}: what gateways use.
 * Commands and queries travel as envelope objects ({@link BusCodecs}): no JSON inside one JVM, JSON between nodes.
 */
public final class RemoteDispatcher implements Dispatcher {
    private final Vertx vertx;
    private final Codecs codecs;
    private final EnvelopeJson envelopes;
    private final DispatcherOptions options;
    private final DeliveryOptions delivery;
    private final DeliveryOptions envelopeDelivery;

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
        return vertx.eventBus().request(options.commandAddress(), command, envelopeDelivery)
                .map(reply -> reply.body() instanceof Receipt receipt ? receipt
                        : ReceiptJson.decode((JsonObject) reply.body()))
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, options.commandAddress())));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Future<R> ask(Envelope<? extends Query<R>> query) {
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

    private Future<JsonObject> request(String address, JsonObject body) {
        return vertx.eventBus().<JsonObject>request(address, body, delivery)
                .map(io.vertx.core.eventbus.Message::body)
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, address)));
    }
}
