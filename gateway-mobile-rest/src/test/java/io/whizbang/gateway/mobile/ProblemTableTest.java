package io.whizbang.gateway.mobile;

import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.ValidationException;
import io.whizbang.error.WhizbangException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one table from failures to HTTP problems. */
class ProblemTableTest {
    @Test
    void everyErrorCodeAnswersWithItsStatusFromTheErrorTable() {
        Map<ErrorCode, Integer> table = Map.of(ErrorCode.INVALID_ARGUMENT, 400, ErrorCode.UNAUTHENTICATED, 401,
                ErrorCode.PERMISSION_DENIED, 403, ErrorCode.NOT_FOUND, 404, ErrorCode.CONFLICT, 409,
                ErrorCode.RATE_LIMITED, 429, ErrorCode.UNAVAILABLE, 503, ErrorCode.TIMEOUT, 504,
                ErrorCode.INTERNAL, 500);

        table.forEach((code, status) -> {
            Problem problem = ProblemTable.of(WhizbangException.of(code, "what happened"), "c-1");
            assertThat(problem.status()).as(code.name()).isEqualTo(status);
            assertThat(problem.code()).isEqualTo(code);
        });
    }

    @Test
    void aValidationErrorNamesItsField() {
        Problem problem = ProblemTable.of(new ValidationException("lines[0].quantity", "must be 1-10000, was 0"), "c");

        assertThat(problem.field()).isEqualTo("lines[0].quantity");
        assertThat(problem.detail()).isEqualTo("lines[0].quantity: must be 1-10000, was 0");
        assertThat(problem.toJson("c").getString("field")).isEqualTo("lines[0].quantity");
    }

    @Test
    void anInternalErrorShowsOnlyTheCorrelationId() {
        Problem unknown = ProblemTable.of(new IllegalStateException("secret table users"), "journey-9");
        Problem coded = ProblemTable.of(new PermanentException(ErrorCode.INTERNAL, "NullPointerException at x", null),
                "journey-9");

        for (Problem problem : new Problem[]{unknown, coded}) {
            assertThat(problem.status()).isEqualTo(500);
            assertThat(problem.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(problem.detail()).isEqualTo("internal error; it is logged under correlation id journey-9");
        }
    }

    @Test
    void routingStatusesKeepTheirStatusWithTheClosestCode() {
        assertThat(ProblemTable.ofStatus(404, "", "c").code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ProblemTable.ofStatus(405, "", "c").title()).isEqualTo("Method Not Allowed");
        assertThat(ProblemTable.ofStatus(413, "", "c").code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(ProblemTable.ofStatus(415, "", "c").detail()).contains("application/json");
        assertThat(ProblemTable.of(new HttpException(415, "not JSON"), "c").detail()).isEqualTo("not JSON");
        assertThat(ProblemTable.of(new DecodeException("x"), "c").status()).isEqualTo(400);
        assertThat(ProblemTable.ofStatus(418, "", "c").status()).isEqualTo(500);
    }

    @Test
    void theJsonHasEveryMemberOfTheProblemForm() {
        assertThat(ProblemTable.ofStatus(404, "no route GET /x", "c-7").toJson("c-7").fieldNames())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "code", "correlationId");
    }
}
