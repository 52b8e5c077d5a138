package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.codec.Codecs;
import io.whizbang.impl.dispatch.LocalDispatcher;
import io.whizbang.impl.dispatch.RemoteDispatcher;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.Query;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;

import java.util.List;

/**
 * Routes each message to its handler through the generated dispatch table: a command to its receptor, a query to
 * its lens, and published events into the ledger where perspectives and sagas read them.
 *
 * <p>Before a handler runs the dispatcher checks the tenant, the scope the handler declares and the message's
 * policies. A local dispatcher runs handlers in this JVM; a remote one reaches a {@link DispatcherVerticle} over
 * the event bus, in this JVM or across a cluster.
 */
public interface Dispatcher {
    /** A dispatcher that runs the registry's handlers in this JVM. */
    static Dispatcher create(Vertx vertx, Registry registry, Ledger ledger, ProjectionStore store) {
        return create(vertx, registry, ledger, store, new DispatcherOptions());
    }

    /** A dispatcher that runs the registry's handlers in this JVM, with options. */
    static Dispatcher create(Vertx vertx, Registry registry, Ledger ledger, ProjectionStore store,
                             DispatcherOptions options) {
        return new LocalDispatcher(vertx, registry, ledger, store, options);
    }

    /** A dispatcher that sends every message over the event bus to a {@link DispatcherVerticle}. */
    static Dispatcher remote(Vertx vertx, Codecs codecs, DispatcherOptions options) {
        return new RemoteDispatcher(vertx, codecs, options);
    }

    /** The codecs of the messages this dispatcher routes. */
    Codecs codecs();

    /**
     * Sends a command to its receptor; succeeds when its events are durable.
     *
     * <p>Fails with the codes of the error table: {@code INVALID_ARGUMENT} for an unknown command type,
     * {@code PERMISSION_DENIED} for a missing scope or another tenant, {@code CONFLICT} for a rejection or a
     * conflict that outlived its retries, and the policies' codes.
     */
    Future<Receipt> send(Envelope<? extends Command> command);

    /**
     * Sends a command whose effects must be stored once however often it is sent: a sender that sends it again
     * after a crash (a saga does) uses the same envelope, and the ledger's inbox, written in the transaction of the
     * command's events, turns the repeat into a receipt that appends nothing. A dispatcher whose ledger keeps no
     * inbox, or that only forwards over the event bus, sends it as {@link #send} does.
     */
    default Future<Receipt> sendOnce(Envelope<? extends Command> command) {
        return send(command);
    }

    /** Sends a command as the first message of a new journey of the principal. */
    default Future<Receipt> send(Principal principal, Command command) {
        return send(Envelope.create(principal, codecs().typeOf(command), command));
    }

    /** Asks a query of its lens. */
    <R> Future<R> ask(Envelope<? extends Query<R>> query);

    /** Asks a query as the first message of a new journey of the principal. */
    default <R> Future<R> ask(Principal principal, Query<R> query) {
        return ask(Envelope.create(principal, codecs().typeOf(query), query));
    }

    /**
     * Appends events to a stream without a receptor (at any version), for facts that come from outside; the
     * principal needs {@code whizbang:system} or the tenant's own scope {@code events:publish}.
     */
    Future<Receipt> publish(StreamId stream, List<Envelope<? extends Event>> events);

    /**
     * "Time travel": the state of a stream folded from its first event up to a version (0 for its latest), as JSON
     * ({@code version}, {@code state}, {@code stateType}, {@code events}: the versions and types folded). Only a
     * dispatcher that runs the receptors can fold; others fail with {@code UNAVAILABLE}.
     */
    default Future<io.vertx.core.json.JsonObject> stateAt(String tenant, StreamId stream, long version) {
        return Future.failedFuture(io.whizbang.error.TransientException.unavailable(
                "folding a stream's state (it needs the dispatcher that runs the receptors)", null));
    }

    /** The application's message-flow map as JSON text, or {@code null} when this dispatcher does not hold one. */
    default String flowMap() {
        return null;
    }
}
