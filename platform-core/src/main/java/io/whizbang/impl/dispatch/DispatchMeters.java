package io.whizbang.impl.dispatch;

import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Receipt;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.message.Envelope;
import io.whizbang.metrics.CommandHandled;
import io.whizbang.metrics.WhizbangMeters;

import java.time.Instant;
import java.util.List;

/**
 * Reports the dispatcher's commands and queries to the installed {@link WhizbangMeters}.
 */
final class DispatchMeters {
    private DispatchMeters() {
    }

    static void commandHandled(Vertx vertx, Envelope<?> envelope, long startNanos, AsyncResult<Receipt> done) {
        WhizbangMeters meters = WhizbangMeters.of(vertx);
        if (meters == WhizbangMeters.NONE) {
            return;
        }
        long nanos = System.nanoTime() - startNanos;
        ErrorCode failure = done.succeeded() ? null : WhizbangException.wrap(done.cause()).code();
        Receipt receipt = done.succeeded() ? done.result() : null;
        meters.commandHandled(new CommandHandled(envelope.tenant(), envelope.type().name(), envelope.messageId(),
                envelope.correlationId(), envelope.causationId(), envelope.principal().subject(),
                Instant.now().minusNanos(nanos), nanos, failure,
                done.succeeded() ? null : failureText(failure, done.cause()),
                receipt == null || receipt.stream() == null ? null : receipt.stream().value(),
                receipt == null ? List.of() : receipt.eventIds()));
    }

    static void queryHandled(Vertx vertx, Envelope<?> envelope, long startNanos, AsyncResult<?> done) {
        WhizbangMeters meters = WhizbangMeters.of(vertx);
        if (meters == WhizbangMeters.NONE) {
            return;
        }
        meters.queryHandled(envelope.tenant(), envelope.type().name(), System.nanoTime() - startNanos,
                done.succeeded() ? null : WhizbangException.wrap(done.cause()).code());
    }

    private static String failureText(ErrorCode code, Throwable cause) {
        return code == ErrorCode.INTERNAL ? "internal error" : String.valueOf(cause.getMessage());
    }
}
