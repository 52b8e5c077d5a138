package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import io.whizbang.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;

/**
 * One gRPC call being answered: the correlation id it runs under, its deadline, and the guard that ends it exactly
 * once.
 *
 * <p>A call closes when it is answered, when it fails, when its deadline ({@code grpc-timeout}) passes, or when the
 * client cancels it or goes away; whatever works for it (a ledger subscription, a pending answer) listens with
 * {@link #onClose} and stops. After it closed, answers and writes are dropped.
 *
 * @param <Req>  the request message
 * @param <Resp> the response message
 */
final class GrpcCall<Req, Resp> {
    private final Vertx vertx;
    private final GrpcServerRequest<Req, Resp> request;
    private final GrpcServerResponse<Req, Resp> response;
    private final Correlation correlation;
    private final List<Runnable> closeListeners = new ArrayList<>();
    private long deadlineTimer = -1;
    private boolean closed;

    private GrpcCall(Vertx vertx, GrpcServerRequest<Req, Resp> request, Correlation correlation) {
        this.vertx = vertx;
        this.request = request;
        this.response = request.response();
        this.correlation = correlation;
    }

    /** Opens the call: its correlation id goes into the response headers and its deadline starts. */
    static <Req, Resp> GrpcCall<Req, Resp> open(Vertx vertx, GrpcServerRequest<Req, Resp> request) {
        GrpcCall<Req, Resp> call = new GrpcCall<>(vertx, request, Correlation.of(request.headers()));
        call.response.headers().set(Correlation.METADATA, call.correlation.text());
        call.response.exceptionHandler(failure -> call.close());
        request.errorHandler(error -> call.close());
        request.exceptionHandler(failure -> call.close());
        long timeout = request.timeout();
        if (timeout > 0) {
            call.deadlineTimer = vertx.setTimer(timeout, id -> call.expire(timeout));
        }
        return call;
    }

    /** The correlation id the call runs under. */
    Correlation correlation() {
        return correlation;
    }

    /** The request, for its metadata. */
    GrpcServerRequest<Req, Resp> request() {
        return request;
    }

    /** Whether the call may still answer. */
    boolean isOpen() {
        return !closed;
    }

    /** Runs the listener once the call closes, at once if it already has. */
    void onClose(Runnable listener) {
        if (closed) {
            listener.run();
        } else {
            closeListeners.add(listener);
        }
    }

    /** Ends the call with its one answer. */
    void reply(Resp answer) {
        if (close()) {
            quietly(() -> response.end(answer));
        }
    }

    /**
     * Sends one message of a stream; the future completes when the stream can take more, so a slow client slows
     * the producer, and fails when the call closed meanwhile.
     */
    Future<Void> write(Resp message) {
        if (closed) {
            return Future.failedFuture("the call is closed");
        }
        try {
            response.write(message);
        } catch (IllegalStateException reset) {
            close();
            return Future.failedFuture("the call is closed");
        }
        if (!response.writeQueueFull()) {
            return Future.succeededFuture();
        }
        Promise<Void> drained = Promise.promise();
        response.drainHandler(v -> drained.tryComplete());
        onClose(() -> drained.tryFail("the call is closed"));
        return drained.future();
    }

    /** Sends the response headers now, so that a stream's caller knows it is open before any message. */
    void open() {
        if (!closed) {
            quietly(response::writeHead);
        }
    }

    /** Ends a stream successfully. */
    void end() {
        if (close()) {
            quietly(response::end);
        }
    }

    /** Ends the call with the status the failure stands for. */
    void fail(Throwable failure) {
        if (closed) {
            return;
        }
        GrpcErrors.Failure shown = GrpcErrors.of(failure, correlation.text());
        failWith(shown.status(), shown.code(), shown.message());
    }

    private void failWith(GrpcStatus status, ErrorCode code, String message) {
        if (close()) {
            quietly(() -> {
                response.trailers().set(GrpcErrors.CODE_TRAILER, code.name());
                response.status(status).statusMessage(message).end();
            });
        }
    }

    private void expire(long timeout) {
        deadlineTimer = -1;
        failWith(GrpcStatus.DEADLINE_EXCEEDED, ErrorCode.TIMEOUT,
                "the call's deadline of " + timeout + " ms passed before it was answered");
    }

    /** Runs a write that fails only when the client already reset the stream, which leaves nothing to tell. */
    private static void quietly(Runnable write) {
        try {
            write.run();
        } catch (IllegalStateException reset) {
            // the stream was reset or already ended by the transport; the client is gone
        }
    }

    /** Marks the call closed and tells its listeners; answers whether this was the first close. */
    private boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        if (deadlineTimer >= 0) {
            vertx.cancelTimer(deadlineTimer);
        }
        List<Runnable> listeners = List.copyOf(closeListeners);
        closeListeners.clear();
        listeners.forEach(Runnable::run);
        return true;
    }
}
