package io.whizbang.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.customer.CustomerOrder;
import io.whizbang.examples.testing.SampleBackend;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.whizbang.gateway.mobile.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A customer's orders in cursor pages, with fields= selection. */
class CustomerOrderRoutesTest extends GatewayTestBase {
    @Test
    void pagesWalkEveryOrderNewestFirstAndTheLastHasANullCursor() {
        UUID customer = UUID.randomUUID();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(0, placeOrder(acme(), customer, lines("SKU-1", 1, "1.00")));
        }
        settle();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<Buffer> page = get("/api/customers/" + customer + "/orders?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), acme());
            assertThat(page.statusCode()).isEqualTo(200);
            JsonObject body = page.bodyAsJsonObject();
            body.getJsonArray("items").forEach(item -> seen.add(((JsonObject) item).getString("orderId")));
            assertThat(body.containsKey("nextCursor")).isTrue();
            cursor = body.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(placed);
    }

    @Test
    void fieldsKeepsOnlyTheNamedTopLevelFields() {
        UUID customer = UUID.randomUUID();
        String orderId = placeOrder(acme(), customer, lines("SKU-1", 1, "1.00"));
        settle();

        HttpResponse<Buffer> page = get("/api/customers/" + customer + "/orders?fields=orderId,status", acme());

        assertThat(page.statusCode()).isEqualTo(200);
        JsonArray items = page.bodyAsJsonObject().getJsonArray("items");
        assertThat(items.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("orderId", "status");
        assertThat(items.getJsonObject(0).getString("orderId")).isEqualTo(orderId);
    }

    @Test
    void anUnknownFieldNameIsInvalid() {
        HttpResponse<Buffer> page = get("/api/customers/" + UUID.randomUUID() + "/orders?fields=orderId,secret",
                acme());

        JsonObject problem = assertProblem(page, 400, "INVALID_ARGUMENT");
        assertThat(problem.getString("field")).isEqualTo("fields");
        assertThat(problem.getString("detail")).contains("\"secret\"").contains("orderId");
    }

    @Test
    void aLimitThatIsNotANumberOrOutOfRangeIsInvalid() {
        String path = "/api/customers/" + UUID.randomUUID() + "/orders?limit=";

        assertThat(assertProblem(get(path + "ten", acme()), 400, "INVALID_ARGUMENT").getString("field"))
                .isEqualTo("limit");
        assertThat(assertProblem(get(path + "101", acme()), 400, "INVALID_ARGUMENT").getString("field"))
                .isEqualTo("limit");
    }

    @Test
    void aCursorNoPageGaveOutIsInvalid() {
        HttpResponse<Buffer> page = get("/api/customers/" + UUID.randomUUID() + "/orders?cursor=bm9wZQ", acme());

        assertProblem(page, 400, "INVALID_ARGUMENT");
    }

    @Test
    void theItemFieldsAreThoseTheCodecWrites() {
        CustomerOrder order = new CustomerOrder(UUID.randomUUID(), UUID.randomUUID(), OrderStatus.PLACED,
                BigDecimal.ONE, Instant.now(), 1L);

        JsonObject json = await(SampleBackend.start(vertx)).registry().codecs().encode(order);

        assertThat(new ArrayList<>(json.fieldNames())).containsExactlyElementsOf(CustomerOrderRoutes.ITEM_FIELDS);
    }
}
