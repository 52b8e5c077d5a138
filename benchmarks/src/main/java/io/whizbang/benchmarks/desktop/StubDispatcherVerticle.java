package io.whizbang.benchmarks.desktop;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.Receipt;
import io.whizbang.impl.dispatch.Answers;
import io.whizbang.impl.dispatch.BusCodecs;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;

import java.util.List;

/**
 * A stand-in for the dispatcher verticle that answers every command at once with a receipt, with no receptor and no
 * ledger: a gateway sending to it pays for its own work and the event-bus round trip only, which splits the gateway's
 * cost from the core's in {@link GrpcUnaryLoad}.
 */
final class StubDispatcherVerticle extends VerticleBase {
    private static final DeliveryOptions RECEIPT = BusCodecs.with(BusCodecs.RECEIPT);

    private final DispatcherOptions options;

    StubDispatcherVerticle(DispatcherOptions options) {
        this.options = options;
    }

    @Override
    public Future<?> start() {
        return Future.all(vertx.eventBus().consumer(options.commandAddress(), this::receipt).completion(),
                vertx.eventBus().consumer(BusCodecs.callsOf(options.commandAddress()), this::receipt).completion());
    }

    private void receipt(Message<Object> command) {
        Envelope<?> envelope = (Envelope<?>) Answers.sent(command);
        Answers.of(vertx, command).succeed(new Receipt(envelope.messageId(), envelope.correlationId(),
                envelope.tenant(), StreamId.of("Stub", envelope.messageId()), 1, 1, List.of()), RECEIPT);
    }
}
