package io.whizbang.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.whizbang.gateway.mobile.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The order routes through a real HTTP client against the sample back end. */
class OrderRoutesTest extends GatewayTestBase {
    @Test
    void placingAnOrderAnswers201WithItsIdAndLocation() {
        restock(acme(), "SKU-1", 10);

        HttpResponse<Buffer> placed = post("/api/orders", acme(), new JsonObject()
                .put("customerId", UUID.randomUUID().toString()).put("lines", lines("SKU-1", 2, "9.99")));

        assertThat(placed.statusCode()).isEqualTo(201);
        String orderId = placed.bodyAsJsonObject().getString("orderId");
        assertThat(UUID.fromString(orderId)).isNotNull();
        assertThat(placed.getHeader("Location")).isEqualTo("/api/orders/" + orderId);
        assertThat(placed.getHeader("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void readingAnOrderGivesItsSummaryWithAWeakETagOfItsVersion() {
        restock(acme(), "SKU-1", 10);
        UUID customer = UUID.randomUUID();
        String orderId = placeOrder(acme(), customer, lines("SKU-1", 2, "9.99"));
        settle();

        HttpResponse<Buffer> read = get("/api/orders/" + orderId, acme());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.getHeader("Content-Type")).isEqualTo("application/json");
        JsonObject summary = read.bodyAsJsonObject();
        assertThat(summary.getString("orderId")).isEqualTo(orderId);
        assertThat(summary.getString("customerId")).isEqualTo(customer.toString());
        assertThat(summary.getString("status")).isEqualTo("CONFIRMED");
        assertThat(summary.getJsonArray("lines")).hasSize(1);
        assertThat(summary.getValue("total").toString()).isEqualTo("19.98");
        assertThat(read.getHeader("ETag")).isEqualTo("W/\"" + summary.getLong("version") + "\"");
    }

    @Test
    void aCurrentETagInIfNoneMatchAnswers304WithoutABody() {
        restock(acme(), "SKU-1", 10);
        String orderId = placeOrder(acme(), UUID.randomUUID(), lines("SKU-1", 1, "1.00"));
        settle();
        String etag = get("/api/orders/" + orderId, acme()).getHeader("ETag");

        HttpResponse<Buffer> revalidated = await(request(HttpMethod.GET, "/api/orders/" + orderId, acme())
                .putHeader("If-None-Match", "\"other\", " + etag).send());

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body() == null || revalidated.body().length() == 0).isTrue();
        assertThat(revalidated.getHeader("ETag")).isEqualTo(etag);
        assertThat(revalidated.getHeader("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void aStaleETagGetsTheNewSummary() {
        restock(acme(), "SKU-1", 10);
        String orderId = placeOrder(acme(), UUID.randomUUID(), lines("SKU-1", 1, "1.00"));
        settle();
        String confirmedTag = get("/api/orders/" + orderId, acme()).getHeader("ETag");
        post("/api/orders/" + orderId + "/ship", acme(), new JsonObject());
        settle();

        HttpResponse<Buffer> read = await(request(HttpMethod.GET, "/api/orders/" + orderId, acme())
                .putHeader("If-None-Match", confirmedTag).send());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.bodyAsJsonObject().getString("status")).isEqualTo("SHIPPED");
        assertThat(read.getHeader("ETag")).isNotEqualTo(confirmedTag);
    }

    @Test
    void shippingAConfirmedOrderAnswers202WithItsNewVersion() {
        restock(acme(), "SKU-1", 10);
        String orderId = placeOrder(acme(), UUID.randomUUID(), lines("SKU-1", 1, "1.00"));
        settle();

        HttpResponse<Buffer> shipped = await(request(HttpMethod.POST, "/api/orders/" + orderId + "/ship", acme())
                .send());

        assertThat(shipped.statusCode()).isEqualTo(202);
        assertThat(shipped.bodyAsJsonObject()).isEqualTo(new JsonObject().put("orderId", orderId).put("version", 3));
    }

    @Test
    void cancellingAShippedOrderIsAConflict() {
        restock(acme(), "SKU-1", 10);
        String orderId = placeOrder(acme(), UUID.randomUUID(), lines("SKU-1", 1, "1.00"));
        settle();
        post("/api/orders/" + orderId + "/ship", acme(), new JsonObject());

        HttpResponse<Buffer> cancelled = post("/api/orders/" + orderId + "/cancel", acme(),
                new JsonObject().put("reason", "changed my mind"));

        JsonObject problem = assertProblem(cancelled, 409, "CONFLICT");
        assertThat(problem.getString("detail")).contains("shipped").contains("cannot be cancelled");
    }

    @Test
    void cancellingAnOrderAnswers202AndTheSummaryShowsTheReason() {
        String orderId = placeOrder(acme(), UUID.randomUUID(), lines("SKU-9", 1, "1.00"));
        settle();
        HttpResponse<Buffer> read = get("/api/orders/" + orderId, acme());
        // no stock for SKU-9: the saga cancelled it already
        assertThat(read.bodyAsJsonObject().getString("status")).isEqualTo("CANCELLED");
        assertThat(read.bodyAsJsonObject().getString("cancelReason")).isNotBlank();
    }

    @Test
    void confirmingAnUnknownOrderIsNotFound() {
        HttpResponse<Buffer> confirmed = post("/api/orders/" + UUID.randomUUID() + "/confirm", acme(),
                new JsonObject());

        assertProblem(confirmed, 404, "NOT_FOUND");
    }

    @Test
    void readingAnUnknownOrderIsNotFound() {
        assertProblem(get("/api/orders/" + UUID.randomUUID(), acme()), 404, "NOT_FOUND");
    }

    @Test
    void aRuleBreakingLineIsRejectedNamingTheFieldAndWritesNothing() {
        long head = ledgerHead();

        HttpResponse<Buffer> placed = post("/api/orders", acme(), new JsonObject()
                .put("customerId", UUID.randomUUID().toString()).put("lines", lines("SKU-1", 0, "1.00")));

        JsonObject problem = assertProblem(placed, 400, "INVALID_ARGUMENT");
        assertThat(problem.getString("field")).isEqualTo("lines[0].quantity");
        assertThat(problem.getString("detail")).startsWith("lines[0].quantity: ");
        assertThat(ledgerHead()).isEqualTo(head);
    }

    @Test
    void anOrderIdThatIsNotAUuidIsInvalid() {
        JsonObject problem = assertProblem(get("/api/orders/42", acme()), 400, "INVALID_ARGUMENT");

        assertThat(problem.getString("field")).isEqualTo("orderId");
    }

    @Test
    void aCancelWithoutReasonIsInvalid() {
        JsonObject problem = assertProblem(post("/api/orders/" + UUID.randomUUID() + "/cancel", acme(),
                new JsonObject()), 400, "INVALID_ARGUMENT");

        assertThat(problem.getString("field")).isEqualTo("reason");
    }
}
