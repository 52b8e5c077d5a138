package io.whizbang.operations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * What a service that runs perspectives gives its {@link ControlAgent}, so that a broadcast rebuild reaches it.
 */
public interface PerspectiveRebuilder {
    /** The perspectives this service runs. */
    Set<String> perspectives();

    /** Starts rebuilding one of them; succeeds with what the rebuild reports once it has started or finished. */
    Future<JsonObject> rebuild(String perspective);
}
