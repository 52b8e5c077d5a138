package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.ship.ShipOrder;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium against the sample served on the event bus: sign in with an admin
 * token, follow a placed order's journey, time-travel its stream, flip a flag, park and retry a poison event,
 * rebuild a perspective, watch the live metrics and the flow map. A screenshot of each page is kept in
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    private static final Principal ALICE = new Principal("alice", "acme",
            Set.of(Scopes.ORDERS_WRITE, Scopes.INVENTORY_WRITE));

    private static Vertx vertx;
    private static DashboardBackend backend;
    private static Dispatcher dispatcher;
    private static DevelopmentKey key;
    private static Browser browser;
    private static String base;
    private static Receipt order;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        key = DevelopmentKey.loadOrCreate(Files.createTempDirectory("dashboard-key"));
        backend = await(DashboardBackend.start(vertx));
        dispatcher = Dispatcher.remote(vertx, SampleApplicationRegistry.create().codecs(), new DispatcherOptions());
        ControlPlaneVerticle controlPlane = new ControlPlaneVerticle(new ControlPlaneOptions().setHost("localhost")
                .setPort(0).setDeadlineMillis(1500).setTokens(TokenVerifierOptions.development(key)));
        await(vertx.deployVerticle(controlPlane));
        base = "http://localhost:" + controlPlane.actualPort();
        order = placeOrder("SKU-RED", 2);
        await(backend.settle());
        await(dispatcher.send(ALICE, new ShipOrder(UUID.fromString(order.stream().id()))));
        await(backend.settle());
        browser = Browser.start();
        browser.open(base + "/");
        browser.type("#token", token(Principal.ADMIN_SCOPE));
        browser.click("#sign-in");
        browser.present("#nav:not([hidden])");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (backend != null) {
            backend.stop();
        }
        await(vertx.close());
    }

    @Test
    @Order(1)
    void followsThePlacedOrdersJourneyFromTheCommandToTheSagasFollowUpCommands() {
        browser.click("#nav-journey");
        browser.type("#journey-correlation", order.correlationId().toString());
        browser.click("#journey-search");

        browser.present("#journey-nodes .node[data-kind='command'][data-type='ReserveStock']");
        assertThat(browser.find("#journey-nodes .node[data-kind='command'][data-type='PlaceOrder']").getText())
                .contains("ms");
        assertThat(types("#journey-nodes .node[data-kind='event']"))
                .contains("OrderPlaced", "StockReserved", "OrderConfirmed");
        assertThat(types("#journey-nodes .node[data-kind='perspective']")).contains("order-summary");
        browser.screenshot("01-journey");
    }

    @Test
    @Order(2)
    void timeTravelsTheOrdersStreamToItsFirstVersion() {
        String stream = order.stream().value();
        browser.click("#nav-streams");
        browser.type("#streams-category", "Order");
        browser.click("#streams-load");
        browser.click("#streams-list tr[data-stream='" + stream + "']");
        browser.until(d -> d.findElements(By.cssSelector("#stream-events tbody tr")).size() == 3);
        browser.until(d -> d.findElement(By.id("stream-state")).getText().contains("SHIPPED"));

        browser.type("#stream-version-input", "1");
        browser.click("#stream-state-load");

        browser.until(d -> "1".equals(d.findElement(By.id("stream-state-version")).getText()));
        assertThat(browser.find("#stream-state").getText()).contains("PLACED").doesNotContain("SHIPPED");
        browser.screenshot("02-stream-time-travel");
    }

    @Test
    @Order(3)
    void parksAPoisonEventAndRetriesItFromThePage() {
        // the control page turns the poison on in every service
        browser.click("#nav-control");
        browser.type("#flag-name", DashboardBackend.POISON_FLAG);
        browser.click("#flag-enabled");
        browser.click("#flag-apply");
        browser.present("#control-answers tr[data-outcome='applied'][data-service='projections']");
        browser.present("#control-answers tr[data-outcome='applied'][data-service='control-plane']");
        browser.present("#audit-list tr[data-kind='set-flag']");
        browser.screenshot("03-control-flag");
        Receipt poisoned = placeOrder("SKU-BLUE", 1);
        await(backend.settle());
        setFlag(false);

        browser.click("#nav-projections");
        String row = "#projections-table tr[data-perspective='" + DashboardBackend.POISON_WATCH + "']";
        browser.until(d -> "1".equals(d.findElement(By.cssSelector(row + " .parked")).getText()));
        browser.click(row + " .show-dead-letters");
        String letter = "#dead-letters tr[data-position='" + poisoned.position() + "']";
        browser.until(d -> "PARKED".equals(d.findElement(By.cssSelector(letter)).getAttribute("data-status")));
        browser.screenshot("04-projections-parked");

        browser.click(letter + " .retry");

        browser.until(d -> "RETRIED".equals(d.findElement(By.cssSelector(letter)).getAttribute("data-status")));
        browser.until(d -> "0".equals(d.findElement(By.cssSelector(row + " .parked")).getText()));
        browser.screenshot("05-projections-retried");

        // a second poison event is skipped instead
        setFlag(true);
        Receipt skipped = placeOrder("SKU-BLUE", 1);
        await(backend.settle());
        setFlag(false);
        String second = "#dead-letters tr[data-position='" + skipped.position() + "']";
        browser.until(d -> "PARKED".equals(d.findElement(By.cssSelector(second)).getAttribute("data-status")));
        browser.click(second + " .skip");
        browser.until(d -> "SKIPPED".equals(d.findElement(By.cssSelector(second)).getAttribute("data-status")));
    }

    @Test
    @Order(4)
    void rebuildsAPerspectiveWithItsProgressOnThePage() {
        browser.click("#nav-projections");
        String row = "#projections-table tr[data-perspective='order-summary']";
        browser.click(row + " .rebuild");

        browser.until(d -> d.findElement(By.cssSelector(row + " .rebuild-progress")).getText()
                .contains("generation 1"));
        assertThat(browser.find(row + " .state").getText()).isNotEqualTo("FAILED");
        browser.screenshot("06-projections-rebuilt");
    }

    @Test
    @Order(5)
    void drawsTheLiveMetrics() {
        browser.click("#nav-metrics");
        placeOrder("SKU-GREEN", 1);

        browser.until(d -> Integer.parseInt(d.findElement(By.id("metric-commands")).getText()) >= 6);
        browser.until(d -> {
            String points = d.findElement(By.id("chart-throughput")).getAttribute("data-points");
            return points != null && Integer.parseInt(points) >= 2;
        });
        assertThat(Long.parseLong(browser.find("#metric-head").getText())).isPositive();
        browser.screenshot("07-metrics");
        String scraped = await(WebClient.create(vertx).getAbs(base + "/metrics").send()).bodyAsString();
        assertThat(scraped).contains("whizbang_projection_lag_events{perspective=\"order-summary\"}")
                .contains("whizbang_outbox_depth").contains("whizbang_append_seconds_count{tenant=\"acme\"}");
    }

    @Test
    @Order(6)
    void drawsTheMessageFlowMap() {
        browser.click("#nav-flow");

        browser.present("#flow-svg g.flow-node[data-id='command:PlaceOrder']");
        assertThat(browser.driver().findElements(By.cssSelector("#flow-svg path.flow-edge[data-from='saga:"
                + "order-fulfillment'][data-to='command:ReserveStock']"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#flow-svg g.flow-node[data-id^='perspective:']")))
                .hasSizeGreaterThanOrEqualTo(4);
        browser.screenshot("08-flow-map");
    }

    @Test
    @Order(7)
    void refusesToSignInWithoutTheAdminScope() {
        browser.click("#sign-out");
        browser.type("#token", token(Scopes.ORDERS_READ));
        browser.click("#sign-in");

        browser.until(d -> d.findElement(By.id("signin-error")).getText().contains("PERMISSION_DENIED"));
        assertThat(browser.find("#nav").isDisplayed()).isFalse();
        browser.screenshot("09-signin-refused");
    }

    private static List<String> types(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(element -> element.getAttribute("data-type")).toList();
    }

    private static void setFlag(boolean enabled) {
        int status = await(WebClient.create(vertx).putAbs(base + "/api/control/flags/" + DashboardBackend.POISON_FLAG)
                .putHeader("Authorization", "Bearer " + token(Principal.ADMIN_SCOPE))
                .sendJsonObject(new JsonObject().put("enabled", enabled))).statusCode();
        assertThat(status).isEqualTo(200);
    }

    private static Receipt placeOrder(String sku, int quantity) {
        await(dispatcher.send(ALICE, new RestockItem(sku, 50)));
        return await(dispatcher.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine(sku, quantity, new BigDecimal("4.20"))))));
    }

    private static String token(String... scopes) {
        return DevelopmentTokens.mint(new Principal("alice", "acme", Set.of(scopes)), Duration.ofMinutes(10), key,
                Clock.systemUTC());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not succeed: " + e, e);
        }
    }
}
