package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.MessageProducer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import io.whizbang.error.TransientException;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The answers a remote dispatcher awaits on one event loop, all arriving at one reply consumer of its own.
 *
 * <p>An event-bus request registers a reply handler and starts a timer for every message; a gateway sends one
 * command or query per call, so that was two registrations and two timer operations per call. Here each message goes
 * out as a {@link BusCodecs.Call} naming this channel's address and a number, the dispatcher answers with a
 * {@link BusCodecs.Answered} carrying the number back, and one timer at a time, armed for the oldest waiting call,
 * ends the calls whose time is up. Every call of a channel has the same timeout, so calls time out in the order they
 * were sent.
 *
 * <p>A channel belongs to the event loop that opened it and is used only on that thread, where its consumer and its
 * timer run too; its consumer is local, so it serves only a Vert.x that is not clustered (between nodes, requests
 * carry their replies).
 */
final class ReplyChannel {
    private final Thread eventLoop;
    private final MessageConsumer<BusCodecs.Answered> consumer;
    private final Vertx vertx;
    private final String address;
    private final long timeoutMillis;
    private final DeliveryOptions callDelivery = BusCodecs.with(BusCodecs.CALL);
    private final Map<String, MessageProducer<BusCodecs.Call>> senders = new HashMap<>();
    /** The calls waiting, in the order they were sent, which is the order of their deadlines. */
    private final LinkedHashMap<Long, Waiting> waiting = new LinkedHashMap<>();
    private long lastId;
    private long timer = -1;

    private record Waiting(long deadlineNanos, String target, Promise<Object> answer) {
    }

    /** Opens a channel on the calling event loop, the one thread that may use it. */
    ReplyChannel(Vertx vertx, long timeoutMillis) {
        this.vertx = vertx;
        this.eventLoop = Thread.currentThread();
        this.timeoutMillis = timeoutMillis;
        this.address = "whizbang.replies." + UUID.randomUUID();
        this.consumer = vertx.eventBus().localConsumer(address, this::onAnswer);
        // the consumer goes with the deployment it was opened in: its waiting calls cannot be answered any more
        consumer.endHandler(closed -> failAll());
    }

    /** Whether its consumer still listens; it stops when the deployment whose thread opened it is undeployed. */
    boolean isListening() {
        return consumer.isRegistered();
    }

    /** Whether the caller runs on this channel's event loop, whose contexts' tasks never run at once. */
    boolean servesCurrentThread() {
        return Thread.currentThread() == eventLoop;
    }

    /** Stops listening; for a channel opened by a thread that lost the race to open the first one. */
    void close() {
        consumer.unregister();
    }

    /**
     * Sends the body to the address and completes with the answer's body, or fails as an event-bus request would:
     * with the dispatcher's {@link ReplyException}, {@code NO_HANDLERS} when no dispatcher listens, or
     * {@code TIMEOUT}.
     */
    Future<Object> request(String target, Object body) {
        long id = ++lastId;
        Waiting call = new Waiting(System.nanoTime() + timeoutMillis * 1_000_000L, target, Promise.promise());
        waiting.put(id, call);
        if (timer < 0) {
            timer = vertx.setTimer(timeoutMillis, fired -> expire());
        }
        senders.computeIfAbsent(target, to -> vertx.eventBus().sender(to, callDelivery))
                .write(new BusCodecs.Call(address, id, body))
                .onFailure(undelivered -> {
                    // no dispatcher listens at the address: the call fails now, as a request's would
                    if (waiting.remove(id) != null) {
                        call.answer().fail(undelivered);
                    }
                });
        return call.answer().future();
    }

    private void onAnswer(Message<BusCodecs.Answered> message) {
        BusCodecs.Answered answered = message.body();
        Waiting call = waiting.remove(answered.id());
        if (call == null) {
            return; // it timed out already
        }
        if (answered.body() instanceof ReplyException failure) {
            call.answer().fail(failure);
        } else {
            call.answer().complete(answered.body());
        }
    }

    private void failAll() {
        List<Waiting> calls = List.copyOf(waiting.values());
        waiting.clear();
        // not NO_HANDLERS: the call may have been delivered, and must not be sent again
        calls.forEach(call -> call.answer().tryFail(TransientException.unavailable("the reply channel " + address
                + " (closed before " + call.target() + " answered)", null)));
    }

    /** Ends the calls whose deadline passed, oldest first, and waits for the next one's. */
    private void expire() {
        timer = -1;
        long now = System.nanoTime();
        Iterator<Waiting> oldestFirst = waiting.values().iterator();
        while (oldestFirst.hasNext()) {
            Waiting oldest = oldestFirst.next();
            long left = oldest.deadlineNanos() - now;
            if (left > 0) {
                timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), fired -> expire());
                return;
            }
            oldestFirst.remove();
            oldest.answer().fail(new ReplyException(ReplyFailure.TIMEOUT, "Timed out after waiting " + timeoutMillis
                    + "(ms) for a reply. address: " + address + ", repliedAddress: " + oldest.target()));
        }
    }
}
