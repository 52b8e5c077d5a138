package io.whizbang.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.whizbang.gateway.mobile.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input: each gets its problem+json with a code, never a stack trace, and writes nothing. */
class BadInputTest extends GatewayTestBase {
    @Test
    void anUnknownRouteIsNotFound() {
        long head = ledgerHead();

        JsonObject problem = assertProblem(get("/api/nothing-here", acme()), 404, "NOT_FOUND");

        assertThat(problem.getString("detail")).isEqualTo("no route GET /api/nothing-here");
        assertThat(ledgerHead()).isEqualTo(head);
    }

    @Test
    void aKnownPathWithAnotherMethodIs405WithAllow() {
        HttpResponse<Buffer> deleted = await(request(HttpMethod.DELETE, "/api/orders/" + UUID.randomUUID(), acme())
                .send());

        assertProblem(deleted, 405, "INVALID_ARGUMENT");
        assertThat(deleted.getHeader("Allow")).isEqualTo("GET");
    }

    @Test
    void getOnACommandPathIs405() {
        HttpResponse<Buffer> got = get("/api/inventory/SKU-1/restock", acme());

        assertProblem(got, 405, "INVALID_ARGUMENT");
        assertThat(got.getHeader("Allow")).isEqualTo("POST");
    }

    @Test
    void aBodyThatIsNotJsonIs415AndWritesNothing() {
        long head = ledgerHead();

        HttpResponse<Buffer> sent = await(request(HttpMethod.POST, "/api/inventory/SKU-1/restock", acme())
                .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("quantity=5")));

        JsonObject problem = assertProblem(sent, 415, "INVALID_ARGUMENT");
        assertThat(problem.getString("detail")).contains("application/json");
        assertThat(ledgerHead()).isEqualTo(head);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        HttpResponse<Buffer> sent = await(request(HttpMethod.POST, "/api/orders", acme())
                .sendBuffer(Buffer.buffer("{}")));

        assertProblem(sent, 415, "INVALID_ARGUMENT");
    }

    @Test
    void anOversizeBodyIs413AndWritesNothing() {
        long head = ledgerHead();
        JsonArray many = new JsonArray();
        for (int i = 0; i < 5000; i++) {
            many.add(new JsonObject().put("sku", "SKU-" + "x".repeat(40) + i).put("quantity", 1).put("unitPrice", 1));
        }

        HttpResponse<Buffer> sent = post("/api/orders", acme(), new JsonObject()
                .put("customerId", UUID.randomUUID().toString()).put("lines", many));

        assertProblem(sent, 413, "INVALID_ARGUMENT");
        assertThat(ledgerHead()).isEqualTo(head);
    }

    @Test
    void malformedJsonIsInvalid() {
        HttpResponse<Buffer> sent = await(request(HttpMethod.POST, "/api/orders", acme())
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"customerId\": ")));

        JsonObject problem = assertProblem(sent, 400, "INVALID_ARGUMENT");
        assertThat(problem.getString("detail")).isEqualTo("the request body is not well-formed JSON");
    }

    @Test
    void aJsonArrayBodyIsInvalid() {
        HttpResponse<Buffer> sent = await(request(HttpMethod.POST, "/api/orders", acme())
                .sendJson(new JsonArray().add(1)));

        JsonObject problem = assertProblem(sent, 400, "INVALID_ARGUMENT");
        assertThat(problem.getString("detail")).contains("must be a JSON object");
    }

    @Test
    void anEmptyBodyWhereOneIsNeededIsInvalid() {
        HttpResponse<Buffer> sent = await(request(HttpMethod.POST, "/api/inventory/SKU-1/restock", acme())
                .putHeader("Content-Type", "application/json").send());

        assertProblem(sent, 400, "INVALID_ARGUMENT");
    }

    @Test
    void aWrongTypeNamesTheFieldAndWritesNothing() {
        long head = ledgerHead();

        HttpResponse<Buffer> sent = post("/api/orders", acme(), new JsonObject()
                .put("customerId", UUID.randomUUID().toString())
                .put("lines", new JsonArray().add(new JsonObject().put("sku", "SKU-1").put("quantity", "two")
                        .put("unitPrice", 1))));

        JsonObject problem = assertProblem(sent, 400, "INVALID_ARGUMENT");
        assertThat(problem.getString("field")).isEqualTo("lines[0].quantity");
        assertThat(ledgerHead()).isEqualTo(head);
    }

    @Test
    void aPriceWithThreeDecimalsNamesTheField() {
        HttpResponse<Buffer> sent = post("/api/orders", acme(), new JsonObject()
                .put("customerId", UUID.randomUUID().toString()).put("lines", lines("SKU-1", 1, "1.005")));

        assertThat(assertProblem(sent, 400, "INVALID_ARGUMENT").getString("field")).isEqualTo("lines[0].unitPrice");
    }

    @Test
    void aRestockQuantityOutOfRangeNamesTheField() {
        HttpResponse<Buffer> sent = post("/api/inventory/SKU-1/restock", acme(),
                new JsonObject().put("quantity", 0));

        assertThat(assertProblem(sent, 400, "INVALID_ARGUMENT").getString("field")).isEqualTo("quantity");
    }

    @Test
    void problemsReturnTheCallersCorrelationId() {
        HttpResponse<Buffer> sent = await(request(HttpMethod.GET, "/api/orders/not-a-uuid", acme())
                .putHeader("X-Correlation-Id", "journey-7").send());

        JsonObject problem = assertProblem(sent, 400, "INVALID_ARGUMENT");
        assertThat(problem.getString("correlationId")).isEqualTo("journey-7");
        assertThat(sent.getHeader("X-Correlation-Id")).isEqualTo("journey-7");
    }

    @Test
    void aChunkedOversizeBodyIs413AndTheGatewayKeepsServing() {
        long head = ledgerHead();
        HttpClient http = vertx.createHttpClient();
        Buffer big = Buffer.buffer("{\"quantity\":\"" + "9".repeat(300 * 1024) + "\"}");

        HttpClientResponse response = await(http.request(HttpMethod.POST, port, "localhost",
                        "/api/inventory/SKU-1/restock")
                .compose(request -> request.setChunked(true).putHeader("Authorization", "Bearer " + acme())
                        .putHeader("Content-Type", "application/json").send(big)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ledgerHead()).isEqualTo(head);
        assertThat(get("/api/inventory/SKU-1", acme()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFormBodyOnAGetIsIgnoredRatherThanDecoded() {
        HttpResponse<Buffer> sent = await(request(HttpMethod.GET, "/api/inventory/SKU-1", acme())
                .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer("%zz=%")));

        assertProblem(sent, 404, "NOT_FOUND");
    }

    @Test
    void aMalformedFormBodyOnAPostIs415() {
        HttpResponse<Buffer> sent = await(request(HttpMethod.POST, "/api/orders", acme())
                .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer("%zz=%")));

        assertProblem(sent, 415, "INVALID_ARGUMENT");
    }
}
