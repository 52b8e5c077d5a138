package io.whizbang.control;

import io.vertx.core.json.JsonObject;
import io.whizbang.http.HttpServiceOptions;

/**
 * Options of the control plane: where it listens (port {@value #DEFAULT_PORT} by default) and what makes it ready.
 */
public class ControlPlaneOptions extends HttpServiceOptions<ControlPlaneOptions> {
    /** Default port of the control plane. */
    public static final int DEFAULT_PORT = 8088;

    public ControlPlaneOptions() {
        super(DEFAULT_PORT);
    }

    public ControlPlaneOptions(JsonObject json) {
        super(json, DEFAULT_PORT);
    }

    @Override
    protected ControlPlaneOptions self() {
        return this;
    }
}
