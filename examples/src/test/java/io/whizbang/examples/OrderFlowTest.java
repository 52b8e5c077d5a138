package io.whizbang.examples;

import io.whizbang.testing.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.DispatcherVerticle;
import io.whizbang.error.ErrorCode;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.inventory.level.InventoryLevel;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.cancel.CancelOrder;
import io.whizbang.examples.orders.customer.CustomerOrder;
import io.whizbang.examples.orders.customer.CustomerOrdersPage;
import io.whizbang.examples.orders.customer.ListCustomerOrders;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.ship.ShipOrder;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.examples.sales.daily.DailySales;
import io.whizbang.examples.sales.daily.GetDailySales;
import io.whizbang.message.Command;
import io.whizbang.message.MessageIds;
import io.whizbang.message.Query;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static io.whizbang.examples.SampleRuntime.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application end to end in one JVM: commands through the dispatcher, the fulfilment saga, the
 * perspectives and the lenses, on memory stores.
 */
@ExtendWith(VertxExtension.class)
class OrderFlowTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Principal ALICE = Principal.of("alice", "acme", Scopes.ORDERS_WRITE, Scopes.ORDERS_READ,
            Scopes.INVENTORY_WRITE, Scopes.INVENTORY_READ);
    private static final UUID CUSTOMER = UUID.fromString("0190a5d0-0000-7000-8000-00000000c001");
    private static final UUID OTHER_CUSTOMER = UUID.fromString("0190a5d0-0000-7000-8000-00000000c002");

    private final ManualClock clock = new ManualClock(START);
    private SampleRuntime runtime;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext context) {
        SampleRuntime.start(vertx, SampleApplicationRegistry.create(), clock)
                .compose(started -> {
                    runtime = started;
                    return send(ALICE, new RestockItem("SKU-1", 10));
                })
                .compose(v -> send(ALICE, new RestockItem("SKU-2", 3)))
                .compose(v -> runtime.settle())
                .onComplete(context.succeedingThenComplete());
    }

    @AfterEach
    void stop(VertxTestContext context) {
        (runtime == null ? Future.<Void>succeededFuture() : runtime.stop())
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void anOrderWhoseStockIsInHandIsConfirmedAndItsStockReserved(VertxTestContext context) {
        place(ALICE, line("SKU-1", 4, "2.50"), line("SKU-2", 1, "10.00"))
                .compose(orderId -> runtime.settle().compose(v -> ask(ALICE, new GetOrder(orderId)))
                        .map(order -> {
                            assertThat(order.orderId()).isEqualTo(orderId);
                            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
                            assertThat(order.total()).isEqualTo("20.00");
                            assertThat(order.placedAt()).isEqualTo(START);
                            assertThat(order.version()).isEqualTo(2);
                            return order;
                        }))
                .compose(v -> ask(ALICE, new GetInventoryLevel("SKU-1")))
                .map(level -> {
                    assertThat(level).isEqualTo(new InventoryLevel("SKU-1", 10, 4));
                    return level;
                })
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void anOrderExceedingTheStockIsCancelledWithTheReasonAndHoldsNothing(VertxTestContext context) {
        place(ALICE, line("SKU-1", 4, "2.50"), line("SKU-2", 5, "10.00"))
                .compose(orderId -> runtime.settle().compose(v -> ask(ALICE, new GetOrder(orderId))))
                .map(order -> {
                    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
                    assertThat(order.cancelReason()).contains("only 3 of SKU-2 available, 5 requested");
                    return order;
                })
                .compose(v -> ask(ALICE, new GetInventoryLevel("SKU-1")))
                .map(level -> {
                    assertThat(level).isEqualTo(new InventoryLevel("SKU-1", 10, 0));
                    return level;
                })
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void aConfirmedOrderShipsAndCanThenNoLongerBeCancelled(VertxTestContext context) {
        place(ALICE, line("SKU-1", 1, "2.50"))
                .compose(orderId -> runtime.settle()
                        .compose(v -> send(ALICE, new ShipOrder(orderId)))
                        .compose(v -> runtime.settle())
                        .compose(v -> ask(ALICE, new GetOrder(orderId)))
                        .map(order -> {
                            assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
                            return order;
                        })
                        .compose(v -> failureOf(send(ALICE, new CancelOrder(orderId, "too late")))))
                .map(failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(failure.getMessage()).contains("shipped and cannot be cancelled");
                    return failure;
                })
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void anotherTenantAskingForTheOrderIsToldItDoesNotExist(VertxTestContext context) {
        Principal bob = Principal.of("bob", "globex", Scopes.ORDERS_READ);
        place(ALICE, line("SKU-1", 1, "2.50"))
                .compose(orderId -> runtime.settle().compose(v -> failureOf(ask(bob, new GetOrder(orderId)))))
                .map(failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(failure.getMessage()).doesNotContain(CUSTOMER.toString());
                    return failure;
                })
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void aPrincipalWithoutOrdersWriteCannotPlaceAnOrder(VertxTestContext context) {
        Principal reader = Principal.of("carol", "acme", Scopes.ORDERS_READ);
        runtime.ledger().head()
                .compose(before -> failureOf(place(reader, line("SKU-1", 1, "2.50")))
                        .map(failure -> {
                            assertThat(failure.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                            assertThat(failure.getMessage()).contains(Scopes.ORDERS_WRITE);
                            return failure;
                        })
                        .compose(v -> runtime.ledger().head())
                        .map(after -> {
                            assertThat(after).isEqualTo(before);
                            return after;
                        }))
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void aPlaceOrderWithAnInvalidLineIsRejectedAndNothingIsWritten(Vertx vertx, VertxTestContext context) {
        DispatcherOptions options = new DispatcherOptions();
        JsonObject payload = new JsonObject().put("customerId", CUSTOMER.toString()).put("lines", new JsonArray()
                .add(new JsonObject().put("sku", "SKU-1").put("quantity", 1).put("unitPrice", 2.5))
                .add(new JsonObject().put("sku", "SKU-2").put("quantity", 10_001).put("unitPrice", 1)));
        runtime.ledger().head()
                .compose(before -> vertx.deployVerticle(new DispatcherVerticle(runtime.dispatcher(), options))
                        .compose(id -> vertx.eventBus().request(options.commandAddress(),
                                new JsonObject().put("send", envelope("PlaceOrder", payload))))
                        .transform(reply -> {
                            assertThat(reply.failed()).as("the request failed").isTrue();
                            ReplyException failure = (ReplyException) reply.cause();
                            assertThat(failure.failureCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT.wireCode());
                            assertThat(failure.getMessage()).contains("lines[1].quantity");
                            return runtime.ledger().head();
                        })
                        .map(after -> {
                            assertThat(after).isEqualTo(before);
                            return after;
                        }))
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void aCustomersOrdersArePagedNewestFirstEachExactlyOnce(VertxTestContext context) {
        List<UUID> placed = new ArrayList<>();
        Future<Void> placing = Future.succeededFuture();
        for (int i = 0; i < 5; i++) {
            placing = placing.compose(v -> place(ALICE, line("SKU-1", 1, "1.00"))).map(orderId -> {
                placed.add(orderId);
                clock.advance(Duration.ofSeconds(1));
                return null;
            });
        }
        placing.compose(v -> place(ALICE, OTHER_CUSTOMER, line("SKU-1", 1, "1.00")))
                .compose(v -> runtime.settle())
                .compose(v -> allPages(ListCustomerOrders.firstPage(CUSTOMER, 2), new ArrayList<>()))
                .map(pages -> {
                    List<UUID> newestFirst = new ArrayList<>(placed);
                    Collections.reverse(newestFirst);
                    assertThat(pages.stream().flatMap(page -> page.items().stream()).map(CustomerOrder::orderId))
                            .containsExactlyElementsOf(newestFirst);
                    assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 2, 1);
                    assertThat(pages.get(2).nextCursor()).isEmpty();
                    return pages;
                })
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void dailySalesCountOnlyTheOrdersThatStand(VertxTestContext context) {
        LocalDate today = LocalDate.parse("2026-03-02");
        place(ALICE, line("SKU-1", 2, "2.50"))
                .compose(v -> place(ALICE, line("SKU-2", 4, "10.00")))
                .compose(v -> runtime.settle())
                .compose(v -> ask(ALICE, new GetDailySales(today.minusDays(3), today.plusDays(3))))
                .map(report -> {
                    assertThat(report.days()).containsExactly(new DailySales(today, 1, new BigDecimal("5.00")));
                    return report;
                })
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void theLevelOfAnUnknownSkuIsNotFound(VertxTestContext context) {
        failureOf(ask(ALICE, new GetInventoryLevel("SKU-404")))
                .map(failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    return failure;
                })
                .onComplete(context.succeedingThenComplete());
    }

    /** Every page, following the cursors; stops at ten pages so that a cursor that never ends fails the test. */
    private Future<List<CustomerOrdersPage>> allPages(ListCustomerOrders query, List<CustomerOrdersPage> pages) {
        return ask(ALICE, query).compose(page -> {
            pages.add(page);
            if (page.nextCursor().isEmpty() || pages.size() == 10) {
                return Future.succeededFuture(pages);
            }
            return allPages(new ListCustomerOrders(query.customerId(), query.limit(), page.nextCursor()), pages);
        });
    }

    private Future<UUID> place(Principal principal, OrderLine... lines) {
        return place(principal, CUSTOMER, lines);
    }

    /** Places an order; its id is the id of the stream the receipt names. */
    private Future<UUID> place(Principal principal, UUID customer, OrderLine... lines) {
        return runtime.dispatcher().send(principal, new PlaceOrder(customer, List.of(lines)))
                .map(receipt -> UUID.fromString(receipt.stream().id()));
    }

    private Future<Void> send(Principal principal, Command command) {
        return runtime.dispatcher().send(principal, command).mapEmpty();
    }

    private <R> Future<R> ask(Principal principal, Query<R> query) {
        return runtime.dispatcher().ask(principal, query);
    }

    private static OrderLine line(String sku, int quantity, String unitPrice) {
        return new OrderLine(sku, quantity, new BigDecimal(unitPrice));
    }

    /** A command envelope as a gateway puts it on the event bus, with a payload no record could hold. */
    private static JsonObject envelope(String type, JsonObject payload) {
        UUID id = MessageIds.next();
        return new JsonObject().put("messageId", id.toString()).put("correlationId", id.toString())
                .put("tenant", ALICE.tenant())
                .put("principal", new JsonObject().put("subject", ALICE.subject()).put("tenant", ALICE.tenant())
                        .put("scopes", new JsonArray(List.copyOf(ALICE.scopes()))))
                .put("timestamp", START.toString()).put("type", type).put("schemaVersion", 1)
                .put("payload", payload);
    }
}
