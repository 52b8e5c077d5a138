package io.whizbang.impl.dispatch;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.TransientException;
import io.whizbang.error.WhizbangException;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How errors cross the event bus: as the code's wire number and a message, never a stack trace; and back.
 */
public final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {
    }

    /** Fails the message with the error's code; an unexpected error is logged and shown only as INTERNAL. */
    public static void reply(Message<?> message, Throwable failure, UUID correlationId) {
        ReplyException shown = shown(failure, correlationId);
        message.fail(shown.failureCode(), shown.getMessage());
    }

    /**
     * The failure as the event bus carries it to the sender: the code's wire number and its message; an unexpected
     * error is logged and shown only as INTERNAL.
     */
    public static ReplyException shown(Throwable failure, UUID correlationId) {
        WhizbangException known = WhizbangException.wrap(failure);
        String text = known.getMessage();
        if (known.code() == ErrorCode.INTERNAL) {
            LOG.log(Level.SEVERE, "internal error, correlation id " + correlationId, failure);
            text = "internal error; it is logged under correlation id " + correlationId;
        }
        return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, known.code().wireCode(), text);
    }

    /** The Whizbang error a failed event-bus request stands for. */
    public static WhizbangException fromReply(Throwable failure, String address) {
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
