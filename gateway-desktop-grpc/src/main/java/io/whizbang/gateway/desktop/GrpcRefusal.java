package io.whizbang.gateway.desktop;

import io.vertx.grpc.common.GrpcStatus;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;

/**
 * A refusal that only gRPC can word: a status the error table has no code for ({@code UNIMPLEMENTED}) or one it
 * words differently ({@code RESOURCE_EXHAUSTED} for an oversize message, which is bad input, not a rate limit).
 */
final class GrpcRefusal extends PermanentException {
    private final GrpcStatus status;

    private GrpcRefusal(GrpcStatus status, ErrorCode code, String message) {
        super(code, message, null);
        this.status = status;
    }

    /** The gRPC status to answer with. */
    GrpcStatus status() {
        return status;
    }

    /** A method or service this gateway does not serve, or a feature of the call it does not support. */
    static GrpcRefusal unimplemented(String message) {
        return new GrpcRefusal(GrpcStatus.UNIMPLEMENTED, ErrorCode.NOT_FOUND, message);
    }

    /** A request message larger than the limit. */
    static GrpcRefusal oversize(long size, long limit) {
        return new GrpcRefusal(GrpcStatus.RESOURCE_EXHAUSTED, ErrorCode.INVALID_ARGUMENT, "the request message is "
                + size + " bytes, more than the limit of " + limit);
    }
}
