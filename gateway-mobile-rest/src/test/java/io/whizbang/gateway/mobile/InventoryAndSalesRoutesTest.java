package io.whizbang.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.whizbang.ledger.RecordedEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.whizbang.gateway.mobile.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Restocking, inventory levels and daily sales. */
class InventoryAndSalesRoutesTest extends GatewayTestBase {
    @Test
    void restockingAnswers202AndTheLevelShowsIt() {
        HttpResponse<Buffer> restocked = post("/api/inventory/SKU-7/restock", acme(),
                new JsonObject().put("quantity", 12));
        settle();

        assertThat(restocked.statusCode()).isEqualTo(202);
        assertThat(restocked.bodyAsJsonObject()).isEqualTo(new JsonObject().put("sku", "SKU-7").put("version", 1));
        HttpResponse<Buffer> level = get("/api/inventory/SKU-7", acme());
        assertThat(level.statusCode()).isEqualTo(200);
        assertThat(level.bodyAsJsonObject()).isEqualTo(new JsonObject().put("sku", "SKU-7").put("onHand", 12)
                .put("reserved", 0));
    }

    @Test
    void aSkuWithReservedCharactersTravelsUrlEncoded() {
        restock(acme(), "BOX%2010%2FA", 3);
        settle();

        HttpResponse<Buffer> level = get("/api/inventory/BOX%2010%2FA", acme());

        assertThat(level.bodyAsJsonObject().getString("sku")).isEqualTo("BOX 10/A");
    }

    @Test
    void aSkuNeverRestockedIsNotFound() {
        assertProblem(get("/api/inventory/NEVER", acme()), 404, "NOT_FOUND");
    }

    @Test
    void dailySalesListsTheDaysWithOrders() {
        restock(acme(), "SKU-1", 10);
        placeOrder(acme(), UUID.randomUUID(), lines("SKU-1", 2, "2.50"));
        settle();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        HttpResponse<Buffer> sales = get("/api/sales/daily?from=" + today.minusDays(7) + "&to=" + today, acme());

        assertThat(sales.statusCode()).isEqualTo(200);
        JsonArray days = sales.bodyAsJsonArray();
        assertThat(days).hasSize(1);
        assertThat(days.getJsonObject(0).getString("date")).isEqualTo(today.toString());
        assertThat(days.getJsonObject(0).getInteger("orders")).isEqualTo(1);
        assertThat(sales.bodyAsString()).contains("\"revenue\":5.00");
    }

    @Test
    void dailySalesNeedsValidDates() {
        JsonObject missing = assertProblem(get("/api/sales/daily?to=2026-01-01", acme()), 400, "INVALID_ARGUMENT");
        JsonObject malformed = assertProblem(get("/api/sales/daily?from=yesterday&to=2026-01-01", acme()), 400,
                "INVALID_ARGUMENT");
        JsonObject backwards = assertProblem(get("/api/sales/daily?from=2026-02-01&to=2026-01-01", acme()), 400,
                "INVALID_ARGUMENT");

        assertThat(missing.getString("field")).isEqualTo("from");
        assertThat(malformed.getString("field")).isEqualTo("from");
        assertThat(backwards.getString("detail")).contains("to");
    }

    @Test
    void theCallersCorrelationIdIsEchoedAndRecordedWithTheEvents() {
        UUID journey = UUID.randomUUID();

        HttpResponse<Buffer> restocked = await(request(HttpMethod.POST, "/api/inventory/SKU-3/restock", acme())
                .putHeader("X-Correlation-Id", journey.toString()).sendJsonObject(new JsonObject().put("quantity", 1)));

        assertThat(restocked.getHeader("X-Correlation-Id")).isEqualTo(journey.toString());
        List<RecordedEvent> recorded = await(backend.ledger().readAll(0, 100));
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).metadata().getString("correlationId")).isEqualTo(journey.toString());
    }
}
