package io.whizbang.control;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.TransientException;
import io.whizbang.error.WhizbangException;

/**
 * The Whizbang error a failed event-bus request stands for: the service's own code, {@code TIMEOUT} when it did not
 * answer in time, {@code UNAVAILABLE} when no one serves the address.
 */
final class Replies {
    private Replies() {
    }

    static WhizbangException failure(Throwable failure, String address) {
        if (failure instanceof ReplyException reply) {
            if (reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
                return WhizbangException.of(ErrorCode.fromWireCode(reply.failureCode()), reply.getMessage());
            }
            if (reply.failureType() == ReplyFailure.TIMEOUT) {
                return new TransientException(ErrorCode.TIMEOUT, "no answer from " + address + " in time", reply);
            }
            return TransientException.unavailable("the service at " + address, reply);
        }
        return WhizbangException.wrap(failure);
    }
}
