package io.whizbang.control;

import io.whizbang.http.HttpServiceVerticle;

/**
 * The control plane: for now it answers {@code GET /health} and {@code GET /ready} over HTTP/1.1;
 * control commands and the dashboard arrive later.
 */
public final class ControlPlaneVerticle extends HttpServiceVerticle {
    public ControlPlaneVerticle(ControlPlaneOptions options) {
        super("the control plane", options);
    }
}
