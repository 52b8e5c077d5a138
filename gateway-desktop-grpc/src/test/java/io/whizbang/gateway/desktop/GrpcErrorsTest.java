package io.whizbang.gateway.desktop;

import io.vertx.grpc.common.GrpcStatus;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.WhizbangException;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one table from Whizbang error codes to gRPC statuses, and what a caller may read of a failure. */
class GrpcErrorsTest {
    @Test
    void everyCodeMapsToTheStatusOfTheErrorTable() {
        Map<ErrorCode, GrpcStatus> table = new EnumMap<>(ErrorCode.class);
        table.put(ErrorCode.INVALID_ARGUMENT, GrpcStatus.INVALID_ARGUMENT);
        table.put(ErrorCode.UNAUTHENTICATED, GrpcStatus.UNAUTHENTICATED);
        table.put(ErrorCode.PERMISSION_DENIED, GrpcStatus.PERMISSION_DENIED);
        table.put(ErrorCode.NOT_FOUND, GrpcStatus.NOT_FOUND);
        table.put(ErrorCode.CONFLICT, GrpcStatus.FAILED_PRECONDITION);
        table.put(ErrorCode.RATE_LIMITED, GrpcStatus.RESOURCE_EXHAUSTED);
        table.put(ErrorCode.UNAVAILABLE, GrpcStatus.UNAVAILABLE);
        table.put(ErrorCode.TIMEOUT, GrpcStatus.DEADLINE_EXCEEDED);
        table.put(ErrorCode.INTERNAL, GrpcStatus.INTERNAL);

        table.forEach((code, status) -> assertThat(GrpcErrors.statusOf(code, "order 42 is shipped"))
                .as(code.name()).isEqualTo(status));
        assertThat(table).hasSize(ErrorCode.values().length);
    }

    @Test
    void aVersionConflictIsAbortedAndARuleOfStateIsAFailedPrecondition() {
        GrpcErrors.Failure conflict = GrpcErrors.of(ConcurrencyException.conflict("acme", "Order-42", "5", 7), "c-1");
        GrpcErrors.Failure rule = GrpcErrors.of(PermanentException.conflict(
                "order 42 is shipped and cannot be cancelled"), "c-1");

        assertThat(conflict.status()).isEqualTo(GrpcStatus.ABORTED);
        assertThat(conflict.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(rule.status()).isEqualTo(GrpcStatus.FAILED_PRECONDITION);
        assertThat(rule.message()).isEqualTo("order 42 is shipped and cannot be cancelled");
    }

    @Test
    void anUnexpectedFailureShowsOnlyTheCorrelationId() {
        GrpcErrors.Failure bug = GrpcErrors.of(new IllegalStateException("secret internals at line 42"), "c-7");
        GrpcErrors.Failure wrapped = GrpcErrors.of(WhizbangException.wrap(new NullPointerException("oops")), "c-8");

        assertThat(bug.status()).isEqualTo(GrpcStatus.INTERNAL);
        assertThat(bug.message()).isEqualTo("internal error; it is logged under correlation id c-7");
        assertThat(wrapped.message()).isEqualTo("internal error; it is logged under correlation id c-8");
    }

    @Test
    void anInternalErrorWordedByTheDispatcherPassesAsItCame() {
        WhizbangException fromBus = WhizbangException.of(ErrorCode.INTERNAL,
                "internal error; it is logged under correlation id 0190f3a4-5b6c-7d8e-9f00-112233445566");

        assertThat(GrpcErrors.of(fromBus, "c-9").message()).contains("0190f3a4-5b6c-7d8e-9f00-112233445566");
    }

    @Test
    void aRefusalOnlyGrpcCanWordKeepsItsStatusAndCode() {
        GrpcErrors.Failure oversize = GrpcErrors.of(GrpcRefusal.oversize(300_000, 262_144), "c-1");
        GrpcErrors.Failure unknown = GrpcErrors.of(GrpcRefusal.unimplemented("no method x is served here"), "c-1");

        assertThat(oversize.status()).isEqualTo(GrpcStatus.RESOURCE_EXHAUSTED);
        assertThat(oversize.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(unknown.status()).isEqualTo(GrpcStatus.UNIMPLEMENTED);
    }

    @Test
    void aLongMessageIsCut() {
        GrpcErrors.Failure invalid = GrpcErrors.of(PermanentException.invalid("x".repeat(5000)), "c-1");

        assertThat(invalid.message()).hasSizeLessThan(1100).endsWith("...");
    }
}
