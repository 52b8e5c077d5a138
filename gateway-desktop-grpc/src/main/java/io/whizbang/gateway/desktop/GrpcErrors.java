package io.whizbang.gateway.desktop;

import io.vertx.grpc.common.GrpcStatus;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one table that turns Whizbang errors into gRPC statuses, and the status message a caller may see.
 *
 * <p>Each {@link ErrorCode} maps to the status it names ({@link ErrorCode#grpcStatus()}), except {@code CONFLICT},
 * which splits in two as the error table allows: a version conflict that outlived the dispatcher's retries is
 * {@code ABORTED} (the caller may retry the whole operation), every other conflict is a rule of state ("order 42 is
 * shipped and cannot be cancelled") and is {@code FAILED_PRECONDITION} (retrying will not help until the state
 * changes). The two are told apart by the ledger's conflict wording, the only thing that crosses the event bus.
 *
 * <p>An unexpected failure is {@code INTERNAL}: it is logged with the correlation id, and the caller sees only that
 * id, never the exception or a stack trace.
 */
final class GrpcErrors {
    /** The trailer that carries the Whizbang error code behind a failed call's status. */
    static final String CODE_TRAILER = "whizbang-error-code";

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class.getName());
    /** How a ledger version conflict reads: "stream X of tenant T is at version 7, the command expected 5". */
    private static final String VERSION_CONFLICT_MARK = ", the command expected ";
    /** The longest status message sent; longer ones are cut, so an error never echoes a huge input. */
    private static final int MAX_MESSAGE_LENGTH = 1000;

    private GrpcErrors() {
    }

    /**
     * A failure as the caller sees it.
     *
     * @param status  the gRPC status
     * @param code    the Whizbang code behind it
     * @param message what went wrong, safe to show
     */
    record Failure(GrpcStatus status, ErrorCode code, String message) {
    }

    /** The failure the throwable stands for, in a call running under the correlation id. */
    static Failure of(Throwable failure, String correlationId) {
        if (failure instanceof GrpcRefusal refusal) {
            return new Failure(refusal.status(), refusal.code(), bounded(refusal.getMessage()));
        }
        if (failure instanceof WhizbangException known && known.code() != ErrorCode.INTERNAL) {
            return new Failure(statusOf(known.code(), known.getMessage()), known.code(), bounded(known.getMessage()));
        }
        if (failure instanceof WhizbangException known && fromTheBus(known)) {
            // the dispatcher logged it and worded it safely already
            return new Failure(GrpcStatus.INTERNAL, ErrorCode.INTERNAL, bounded(known.getMessage()));
        }
        LOG.log(Level.SEVERE, "internal error in the desktop gateway, correlation id " + correlationId, failure);
        return new Failure(GrpcStatus.INTERNAL, ErrorCode.INTERNAL,
                "internal error; it is logged under correlation id " + correlationId);
    }

    /** The status of a code; the message decides between the two statuses of {@code CONFLICT}. */
    static GrpcStatus statusOf(ErrorCode code, String message) {
        if (code == ErrorCode.CONFLICT) {
            return message != null && message.contains(VERSION_CONFLICT_MARK) ? GrpcStatus.ABORTED
                    : GrpcStatus.FAILED_PRECONDITION;
        }
        return GrpcStatus.valueOf(code.grpcStatus());
    }

    private static boolean fromTheBus(WhizbangException known) {
        return known.getCause() == null && known.getMessage() != null
                && known.getMessage().startsWith("internal error; it is logged under correlation id");
    }

    private static String bounded(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
}
