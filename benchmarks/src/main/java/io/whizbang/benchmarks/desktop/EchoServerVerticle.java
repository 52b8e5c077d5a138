package io.whizbang.benchmarks.desktop;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.grpc.server.GrpcServer;
import io.whizbang.gateway.desktop.v1.InventoryGrpcService;
import io.whizbang.gateway.desktop.v1.RestockReply;

/**
 * The baseline: a bare Vert.x gRPC server that answers {@code Inventory/Restock} at once with a reply built from the
 * request, with no token, no event bus and no ledger. Same method, same messages and same transport as the
 * gateway's, so the difference is the gateway's own work.
 */
final class EchoServerVerticle extends VerticleBase {
    private final int port;

    EchoServerVerticle(int port) {
        this.port = port;
    }

    @Override
    public Future<?> start() {
        GrpcServer grpc = GrpcServer.server(vertx);
        grpc.callHandler(InventoryGrpcService.Restock, call -> call.handler(request -> call.response()
                .end(RestockReply.newBuilder().setSku(request.getSku()).setVersion(1).build())));
        return vertx.createHttpServer().requestHandler(grpc).listen(port, "127.0.0.1");
    }
}
