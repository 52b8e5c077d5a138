package io.whizbang.control;

import io.vertx.core.json.JsonObject;
import io.whizbang.error.PermanentException;
import io.whizbang.error.WhizbangException;

/**
 * A broadcast command that every service refused the same way (an unknown logger, cache or perspective): its coded
 * error, with the answers gathered, so the problem shows what each service said.
 */
final class RefusedCommand extends PermanentException {
    private final transient JsonObject result;

    RefusedCommand(WhizbangException error, JsonObject result) {
        super(error.code(), error.getMessage(), null);
        this.result = result;
    }

    /** The gathered answers. */
    JsonObject result() {
        return result;
    }
}
