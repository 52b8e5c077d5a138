package io.whizbang.operations;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * The local map where the operational registries of one Vert.x instance live.
 */
final class OperationsMap {
    private static final String NAME = "whizbang.operations";

    private OperationsMap() {
    }

    static LocalMap<String, Object> of(Vertx vertx) {
        return vertx.sharedData().getLocalMap(NAME);
    }
}
