package io.whizbang.gateway.mobile;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario every gateway passes: restock, place an order, see it confirmed by the saga, read it back, and watch
 * its events live (Server-Sent Events read by a real HTTP client).
 */
class EndToEndTest extends GatewayTestBase {
    @Test
    void anOrderIsPlacedConfirmedByTheSagaReadBackAndWatchedLive() {
        // given stock
        restock(acme(), "WIDGET", 10);

        // when an order is placed
        String orderId = placeOrder(acme(), UUID.randomUUID(), lines("WIDGET", 3, "4.25"));

        // then the saga confirms it, as a client polling the order sees
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/orders/" + orderId, acme()).bodyAsJsonObject().getString("status")).isEqualTo("CONFIRMED"));
        JsonObject summary = get("/api/orders/" + orderId, acme()).bodyAsJsonObject();
        assertThat(summary.getValue("total").toString()).isEqualTo("12.75");
        assertThat(get("/api/inventory/WIDGET", acme()).bodyAsJsonObject().getInteger("reserved")).isEqualTo(3);

        // and a watcher sees its recorded events, then a new one live, also through gzip as mobile clients ask
        List<SseEvent> events = watch("/api/orders/" + orderId + "/events", false);
        List<SseEvent> gzipped = watch("/api/orders/" + orderId + "/events", true);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events).extracting(SseEvent::type).containsExactly("OrderPlaced", "OrderConfirmed"));
        assertThat(post("/api/orders/" + orderId + "/ship", acme(), new JsonObject()).statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                .extracting(SseEvent::type).containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gzipped)
                .extracting(SseEvent::type).containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped"));

        SseEvent placed = events.get(0);
        assertThat(placed.data().getString("orderId")).isEqualTo(orderId);
        assertThat(placed.data().getLong("version")).isEqualTo(1);
        assertThat(placed.data().getJsonObject("data").getJsonArray("lines")).hasSize(1);
        assertThat(events.get(2).data().getLong("version")).isEqualTo(3);
        assertThat(events.get(2).id()).isEqualTo(String.valueOf(events.get(2).data().getLong("position")));
    }

    /** One Server-Sent Event: its id, type and JSON data. */
    record SseEvent(String id, String type, JsonObject data) {
    }

    /**
     * Opens the event stream (retrying until the order is readable) and collects its events as they arrive, asking
     * for gzip when told.
     */
    private List<SseEvent> watch(String path, boolean gzip) {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(gzip));
        List<SseEvent> events = new CopyOnWriteArrayList<>();
        StringBuilder pending = new StringBuilder();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpClientResponse response = await(http.request(HttpMethod.GET, port, "localhost", path)
                    .compose(request -> request.putHeader("Authorization", "Bearer " + acme())
                            .putHeader("Accept", "text/event-stream")
                            .putHeader("Accept-Encoding", gzip ? "gzip" : "identity").send()
                            .onSuccess(answer -> {
                                if (answer.statusCode() == 200) {
                                    answer.handler(chunk -> {
                                        pending.append(chunk.toString());
                                        collect(pending, events);
                                    });
                                }
                            })));
            // with gzip the client's decompressor removes Content-Encoding; CompressionTest checks the coding itself
            return response.statusCode() == 200
                    && response.getHeader("Content-Type").startsWith("text/event-stream");
        });
        return events;
    }

    private static void collect(StringBuilder pending, List<SseEvent> events) {
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String frame = pending.substring(0, end);
            pending.delete(0, end + 2);
            String id = null;
            String type = null;
            List<String> data = new ArrayList<>();
            for (String line : frame.split("\n")) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
            if (type != null) {
                events.add(new SseEvent(id, type, new JsonObject(String.join("\n", data))));
            }
        }
    }
}
