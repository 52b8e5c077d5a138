package io.whizbang.gateway.desktop;

import io.vertx.core.json.JsonObject;
import io.whizbang.http.HttpServiceOptions;

/**
 * Options of the desktop gateway: where it listens (port {@value #DEFAULT_PORT} by default) and what makes it ready.
 */
public class DesktopGatewayOptions extends HttpServiceOptions<DesktopGatewayOptions> {
    /** Default port of the desktop gateway. */
    public static final int DEFAULT_PORT = 9090;

    public DesktopGatewayOptions() {
        super(DEFAULT_PORT);
    }

    public DesktopGatewayOptions(JsonObject json) {
        super(json, DEFAULT_PORT);
    }

    @Override
    protected DesktopGatewayOptions self() {
        return this;
    }
}
