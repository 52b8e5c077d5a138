package io.whizbang.gateway.mobile;

import io.whizbang.http.HttpServiceVerticle;

/**
 * The mobile gateway: for now it answers {@code GET /health} and {@code GET /ready} over HTTP/1.1;
 * the REST API arrives later.
 */
public final class MobileGatewayVerticle extends HttpServiceVerticle {
    public MobileGatewayVerticle(MobileGatewayOptions options) {
        super("the mobile gateway", options);
    }
}
