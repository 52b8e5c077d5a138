package io.whizbang.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on problem+json answers. */
final class Problems {
    private Problems() {
    }

    /** Asserts the answer is a problem of the status and code, with the response's correlation id and no trace. */
    static JsonObject assertProblem(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("code")).isEqualTo(code);
        assertThat(problem.getString("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(problem.getString("correlationId")).isNotBlank()
                .isEqualTo(response.getHeader("X-Correlation-Id"));
        return problem;
    }
}
