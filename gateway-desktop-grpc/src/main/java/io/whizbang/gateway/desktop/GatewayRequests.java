package io.whizbang.gateway.desktop;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;
import io.whizbang.error.ErrorCode;
import io.whizbang.health.HealthRoutes;
import io.whizbang.http.CorrelationIds;
import io.whizbang.http.HttpProblem;

/**
 * Where each request on the gateway's port goes: gRPC calls (content type {@code application/grpc...}) to the gRPC
 * server, {@code GET /health} and {@code GET /ready} to the health routes, anything else to a {@code 404} problem.
 */
final class GatewayRequests implements Handler<HttpServerRequest> {
    private static final String GRPC_CONTENT_TYPE = "application/grpc";
    private static final String GRPC_ENCODING = "grpc-encoding";
    /** The most characters of an unknown method's name echoed in its refusal. */
    private static final int MAX_METHOD_ECHO = 200;

    private final GrpcServer grpc;
    private final HealthRoutes health;

    GatewayRequests(GrpcServer grpc, HealthRoutes health) {
        this.grpc = grpc;
        this.health = health;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String contentType = request.getHeader("content-type");
        if (contentType != null && contentType.startsWith(GRPC_CONTENT_TYPE)) {
            if (!request.headers().contains(GRPC_ENCODING)) {
                // Vert.x cannot read a frame flagged compressed when the call names no encoding; "identity" makes
                // such a frame one more message that does not parse, refused with INVALID_ARGUMENT
                request.headers().set(GRPC_ENCODING, "identity");
            }
            grpc.handle(request);
            return;
        }
        request.response().putHeader(CorrelationIds.HEADER, CorrelationIds.of(request));
        if (!health.handle(request)) {
            HttpProblem.of(ErrorCode.NOT_FOUND, "no route " + request.method() + " " + request.path())
                    .send(request.response());
        }
    }

    /** The handler of calls to a method no service serves: {@code UNIMPLEMENTED}, with the correlation id. */
    static Handler<GrpcServerRequest<Buffer, Buffer>> unknownMethods(Vertx vertx) {
        return request -> {
            // the default answer to an oversize frame would end the call a second time
            request.invalidMessageHandler(ignored -> {
            });
            GrpcCall<Buffer, Buffer> call = GrpcCall.open(vertx, request);
            call.fail(GrpcRefusal.unimplemented("no method " + methodOf(request) + " is served here"));
        };
    }

    private static String methodOf(GrpcServerRequest<Buffer, Buffer> request) {
        try {
            return ProtoInput.echo(request.fullMethodName(), MAX_METHOD_ECHO);
        } catch (RuntimeException unreadablePath) {
            return "at that path";
        }
    }
}
