package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonObject;
import io.whizbang.http.HttpServiceOptions;

/**
 * Options of the mobile gateway: where it listens (port {@value #DEFAULT_PORT} by default) and what makes it ready.
 */
public class MobileGatewayOptions extends HttpServiceOptions<MobileGatewayOptions> {
    /** Default port of the mobile gateway. */
    public static final int DEFAULT_PORT = 8081;

    public MobileGatewayOptions() {
        super(DEFAULT_PORT);
    }

    public MobileGatewayOptions(JsonObject json) {
        super(json, DEFAULT_PORT);
    }

    @Override
    protected MobileGatewayOptions self() {
        return this;
    }
}
