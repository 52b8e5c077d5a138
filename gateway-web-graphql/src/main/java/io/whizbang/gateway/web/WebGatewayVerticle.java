package io.whizbang.gateway.web;

import io.whizbang.http.HttpServiceVerticle;

/**
 * The web gateway: for now it answers {@code GET /health} and {@code GET /ready} over HTTP/1.1;
 * GraphQL arrives later.
 */
public final class WebGatewayVerticle extends HttpServiceVerticle {
    public WebGatewayVerticle(WebGatewayOptions options) {
        super("the web gateway", options);
    }
}
