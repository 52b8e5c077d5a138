package io.whizbang.gateway.web;

import io.vertx.core.json.JsonObject;
import io.whizbang.http.HttpServiceOptions;

/**
 * Options of the web gateway: where it listens (port {@value #DEFAULT_PORT} by default) and what makes it ready.
 */
public class WebGatewayOptions extends HttpServiceOptions<WebGatewayOptions> {
    /** Default port of the web gateway. */
    public static final int DEFAULT_PORT = 8080;

    public WebGatewayOptions() {
        super(DEFAULT_PORT);
    }

    public WebGatewayOptions(JsonObject json) {
        super(json, DEFAULT_PORT);
    }

    @Override
    protected WebGatewayOptions self() {
        return this;
    }
}
