package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.Receipt;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Query;
import io.whizbang.security.Principal;

import java.util.Objects;

/**
 * What a method's code knows about its authenticated call: who calls, under which correlation id, and the
 * dispatcher that carries its commands and queries over the event bus.
 *
 * @param principal   the caller, from the {@code authorization} metadata
 * @param correlation the correlation id the call runs under
 * @param dispatcher  the remote dispatcher
 */
record CallContext(Principal principal, Correlation correlation, Dispatcher dispatcher) {
    CallContext {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** Sends a command as the caller, in the call's journey; succeeds when its events are durable. */
    Future<Receipt> send(Command command) {
        return dispatcher.send(envelope(command));
    }

    /** Asks a query as the caller, in the call's journey. */
    <R> Future<R> ask(Query<R> query) {
        return dispatcher.ask(envelope(query));
    }

    private <M> Envelope<M> envelope(M payload) {
        return Envelope.create(principal, dispatcher.codecs().typeOf(payload), payload)
                .withCorrelationId(correlation.uuid());
    }
}
