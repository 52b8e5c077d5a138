package io.whizbang.gateway.desktop;

import io.whizbang.http.HttpServiceVerticle;

/**
 * The desktop gateway: for now it answers {@code GET /health} and {@code GET /ready} over HTTP/1.1;
 * gRPC, with {@code grpc.health.v1.Health}, arrives later.
 */
public final class DesktopGatewayVerticle extends HttpServiceVerticle {
    public DesktopGatewayVerticle(DesktopGatewayOptions options) {
        super("the desktop gateway", options);
    }
}
