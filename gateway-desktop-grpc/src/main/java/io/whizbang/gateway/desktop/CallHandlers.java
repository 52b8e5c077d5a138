package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.server.GrpcServerRequest;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.security.Principal;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Makes the Vert.x handler of each gateway method from the method's own code: the shared life of a call (its
 * correlation id, its deadline, the caller's token, its one request message, the status of its failure) around a
 * body that only turns a request into an answer.
 *
 * <p>The caller's token is verified as soon as the call arrives, so a call without a valid token is
 * {@code UNAUTHENTICATED} whatever its message holds; then the message is read and decoded; then the body runs,
 * unless the call closed meanwhile (deadline passed, client gone), in which case nothing is sent on the bus.
 */
final class CallHandlers {
    /** The metadata key of the bearer token. */
    static final String AUTHORIZATION = "authorization";

    private final Vertx vertx;
    private final TokenCache tokens;
    private final Dispatcher dispatcher;
    private final long maxMessageBytes;

    CallHandlers(Vertx vertx, TokenCache tokens, Dispatcher dispatcher, long maxMessageBytes) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.dispatcher = dispatcher;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The code of an authenticated unary method. */
    @FunctionalInterface
    interface Unary<Req, Resp> {
        /** The answer to the request. */
        Future<Resp> answer(CallContext context, Req request);
    }

    /** The code of an authenticated server-streaming method. */
    @FunctionalInterface
    interface Streaming<Req, Resp> {
        /**
         * Starts streaming answers with {@link GrpcCall#write}; the stream ends when the future does (its failure as
         * the status) or when the call closes, which the body hears through {@link GrpcCall#onClose}.
         */
        Future<Void> stream(CallContext context, Req request, GrpcCall<Req, Resp> call);
    }

    /** The handler of an authenticated unary method. */
    <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> unary(ServiceMethod<Req, Resp> method,
                                                             Unary<Req, Resp> body) {
        return request -> {
            GrpcCall<Req, Resp> call = GrpcCall.open(vertx, request);
            authenticatedMessage(method, call)
                    .compose(started -> call.isOpen() ? body.answer(started.context(), started.request())
                            : Future.failedFuture("the call closed before it ran"))
                    .onSuccess(call::reply)
                    .onFailure(call::fail);
        };
    }

    /** The handler of an authenticated server-streaming method. */
    <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> streaming(ServiceMethod<Req, Resp> method,
                                                                 Streaming<Req, Resp> body) {
        return request -> {
            GrpcCall<Req, Resp> call = GrpcCall.open(vertx, request);
            authenticatedMessage(method, call)
                    .compose(started -> call.isOpen() ? body.stream(started.context(), started.request(), call)
                            : Future.failedFuture("the call closed before it ran"))
                    .onSuccess(done -> call.end())
                    .onFailure(call::fail);
        };
    }

    /** The handler of a unary method anyone may call, such as the health check. */
    <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> anonymous(ServiceMethod<Req, Resp> method,
                                                                 Function<Req, Future<Resp>> body) {
        return request -> {
            GrpcCall<Req, Resp> call = GrpcCall.open(vertx, request);
            read(method, call)
                    .compose(body)
                    .onSuccess(call::reply)
                    .onFailure(call::fail);
        };
    }

    /** The handler of a server-streaming method anyone may call, such as the health watch. */
    <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> anonymousStreaming(
            ServiceMethod<Req, Resp> method, BiFunction<Req, GrpcCall<Req, Resp>, Future<Void>> body) {
        return request -> {
            GrpcCall<Req, Resp> call = GrpcCall.open(vertx, request);
            read(method, call)
                    .compose(message -> body.apply(message, call))
                    .onSuccess(done -> call.end())
                    .onFailure(call::fail);
        };
    }

    /** An authenticated call's context and request message. */
    private record Started<Req>(CallContext context, Req request) {
    }

    private <Req, Resp> Future<Started<Req>> authenticatedMessage(ServiceMethod<Req, Resp> method,
                                                                   GrpcCall<Req, Resp> call) {
        Future<Principal> caller = tokens.verifyHeader(call.request().headers().get(AUTHORIZATION));
        Future<Req> message = read(method, call);
        // the token decides first: a caller without one learns nothing about what its message holds
        return caller.compose(principal -> message.map(request ->
                new Started<>(new CallContext(principal, call.correlation(), dispatcher), request)));
    }

    private <Req, Resp> Future<Req> read(ServiceMethod<Req, Resp> method, GrpcCall<Req, Resp> call) {
        return RequestReader.read(call.request(), method.decoder(), method.methodName() + " request",
                maxMessageBytes);
    }
}
