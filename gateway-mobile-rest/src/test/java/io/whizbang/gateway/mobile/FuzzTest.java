package io.whizbang.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A few thousand random and mutated requests: none may end in a 500, every error is a coded problem. */
class FuzzTest extends GatewayTestBase {
    private static final long SEED = 20261123L;
    private static final int REQUESTS = 3000;

    @Test
    void noRandomOrMutatedRequestIsAnsweredWithAnInternalError() {
        FuzzInputs inputs = new FuzzInputs(SEED, acme());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> offenders = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            FuzzInputs.Input input = inputs.next();
            HttpResponse<Buffer> response = send(input);
            if (response == null) {
                statuses.merge(-1, 1, Integer::sum);
                continue;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500 || !isCodedWhenFailed(response)) {
                offenders.add(input + " -> " + response.statusCode() + " " + response.bodyAsString());
            }
        }

        assertThat(offenders).as("statuses " + statuses).isEmpty();
        assertThat(statuses.getOrDefault(-1, 0)).as("requests the client could not send").isLessThan(REQUESTS / 10);
        assertThat(statuses.keySet()).contains(200, 201, 202, 400, 401, 404, 405, 415);
    }

    private static boolean isCodedWhenFailed(HttpResponse<Buffer> response) {
        if (response.statusCode() < 400 || response.getHeader("X-Correlation-Id") == null
                || response.body() == null) {
            return true;
        }
        return "application/problem+json".equals(response.getHeader("Content-Type"))
                && response.bodyAsJsonObject().getString("code") != null
                && !response.bodyAsString().contains("Exception");
    }

    /** Sends the input; {@code null} when the client itself refuses to send such a request. */
    private HttpResponse<Buffer> send(FuzzInputs.Input input) {
        HttpRequest<Buffer> request;
        try {
            request = client.request(input.method(), input.path());
            putIfPresent(request, "Authorization", input.authorization());
            putIfPresent(request, "Content-Type", input.body() == null ? null : input.contentType());
            putIfPresent(request, "If-None-Match", input.ifNoneMatch());
            putIfPresent(request, "X-Correlation-Id", input.correlationId());
        } catch (RuntimeException refused) {
            return null;
        }
        try {
            return input.body() == null ? await(request.send())
                    : await(request.sendBuffer(Buffer.buffer(input.body())));
        } catch (AssertionError clientFailure) {
            return null;
        }
    }

    private static void putIfPresent(HttpRequest<Buffer> request, String name, String value) {
        if (value != null && !value.isEmpty()) {
            request.putHeader(name, value);
        }
    }
}
