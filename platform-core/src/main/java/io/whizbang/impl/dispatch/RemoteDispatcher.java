package io.whizbang.impl.dispatch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
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
 * through that loop's {@link ReplyChannel} to the dispatcher's call addresses ({@link BusCodecs#callsOf}): one reply
 * consumer and one timer for all of them rather than a reply handler and a timer each. Other senders, every sender
 * of a clustered Vert.x, and any sender when nothing listens at the call address (a stand-in for the dispatcher
 * that serves its plain address only) use event-bus requests.
 *
 * <p>A Vert.x created with a tracer uses event-bus requests too. Vert.x traces every message by the address it is
 * sent to: a request to {@code whizbang.commands} is a client span of the caller and a server span of the dispatcher
 * on that address, the span the dispatcher tags with the command's correlation id; a call to the internal call
 * address would be traced under that address instead, and its answer as a message of its own. Rebuilding the
 * request's spans by hand for the channel would copy Vert.x's tracing into ours; with tracing on every message pays
 * for its spans anyway, far more than the reply handler and timer the channel saves, so a traced Vert.x keeps the
 * plain request and its spans exactly as a user knows them.
 */
public final class RemoteDispatcher implements Dispatcher {
    private final Vertx vertx;
    private final Codecs codecs;
    private final EnvelopeJson envelopes;
    private final DispatcherOptions options;
    private final DeliveryOptions delivery;
    private final DeliveryOptions envelopeDelivery;
    private final AtomicReference<ReplyChannel> channel = new AtomicReference<>();
    /** Whether a reply channel may be opened: not for a clustered or a traced Vert.x, which keep requests. */
    private final boolean channelled;

    public RemoteDispatcher(Vertx vertx, Codecs codecs, DispatcherOptions options) {
        this.vertx = vertx;
        this.codecs = codecs;
        this.envelopes = new EnvelopeJson(codecs);
        this.options = options;
        this.delivery = new DeliveryOptions().setSendTimeout(options.getSendTimeoutMillis());
        this.envelopeDelivery = new DeliveryOptions(delivery.toJson()).setCodecName(BusCodecs.ENVELOPE);
        this.channelled = !vertx.isClustered() && !isTraced(vertx);
        BusCodecs.register(vertx, codecs);
    }

    /** Whether the Vert.x has a tracer, which it is given when it is built and keeps. */
    private static boolean isTraced(Vertx vertx) {
        return vertx instanceof VertxInternal internal && internal.tracer() != null;
    }

    @Override
    public Codecs codecs() {
        return codecs;
    }

    @Override
    public Future<Receipt> send(Envelope<? extends Command> command) {
        return exchange(options.commandAddress(), command)
                .map(body -> body instanceof Receipt receipt ? receipt : ReceiptJson.decode((JsonObject) body));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Future<R> ask(Envelope<? extends Query<R>> query) {
        return exchange(options.queryAddress(), query)
                .map(body -> (R) (body instanceof BusCodecs.Answer answer ? answer.value()
                        : BusCodecs.answerOf(codecs, (JsonObject) body)));
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
     * Vert.x that is neither clustered nor traced; null for any other thread.
     */
    private ReplyChannel channelOfThisThread() {
        ReplyChannel open = channel.get();
        if (open != null && open.isListening()) {
            return open.servesCurrentThread() ? open : null;
        }
        if (!channelled || !Context.isOnEventLoopThread() || Vertx.currentContext() == null
                || Vertx.currentContext().owner() != vertx) {
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

    /**
     * Sends the envelope to the dispatcher at the address and completes with the body of its answer: through this
     * event loop's reply channel to the address's call consumer when there is one, as an event-bus request otherwise
     * (another thread, a clustered or traced Vert.x, or a stand-in that listens at the address alone).
     */
    private Future<Object> exchange(String address, Envelope<?> envelope) {
        ReplyChannel replies = channelOfThisThread();
        Future<Object> answered = replies == null ? request(address, envelope)
                : replies.request(BusCodecs.callsOf(address), envelope).recover(failure -> isUndelivered(failure)
                        ? request(address, envelope) : Future.failedFuture(failure));
        return answered.recover(failure -> Future.failedFuture(Failures.fromReply(failure, address)));
    }

    private Future<Object> request(String address, Envelope<?> envelope) {
        return vertx.eventBus().request(address, envelope, envelopeDelivery).map(Message::body);
    }

    /** Whether nothing listened where the call went: it was not delivered, so sending it elsewhere sends it once. */
    private static boolean isUndelivered(Throwable failure) {
        return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
    }

    private Future<JsonObject> request(String address, JsonObject body) {
        return vertx.eventBus().<JsonObject>request(address, body, delivery)
                .map(Message::body)
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, address)));
    }
}
