package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.grpc.server.Service;
import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.orders.cancel.CancelOrder;
import io.whizbang.examples.orders.confirm.ConfirmOrder;
import io.whizbang.examples.orders.customer.ListCustomerOrders;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.ship.ShipOrder;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.gateway.desktop.v1.CancelOrderRequest;
import io.whizbang.gateway.desktop.v1.ConfirmOrderRequest;
import io.whizbang.gateway.desktop.v1.GetOrderRequest;
import io.whizbang.gateway.desktop.v1.ListCustomerOrdersReply;
import io.whizbang.gateway.desktop.v1.ListCustomerOrdersRequest;
import io.whizbang.gateway.desktop.v1.Order;
import io.whizbang.gateway.desktop.v1.OrderChangeReply;
import io.whizbang.gateway.desktop.v1.OrdersGrpcService;
import io.whizbang.gateway.desktop.v1.PlaceOrderReply;
import io.whizbang.gateway.desktop.v1.PlaceOrderRequest;
import io.whizbang.gateway.desktop.v1.ShipOrderRequest;

import java.util.Optional;

/**
 * The {@code whizbang.sample.v1.Orders} service: each method reads its request into the sample's command or query,
 * sends it over the bus as the caller, and writes the answer back as its reply message.
 *
 * <p>The scopes are the receptors' and lenses' own, checked by the dispatcher ({@code orders:write} to change,
 * {@code orders:read} to read); {@code WatchOrders}, which reads the ledger directly, checks its scope itself.
 */
final class OrdersEndpoints {
    private final int defaultPageSize;

    private OrdersEndpoints(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    /** The service, with its methods' handlers. */
    static Service service(CallHandlers handlers, int defaultPageSize, OrderEventStream events) {
        OrdersEndpoints orders = new OrdersEndpoints(defaultPageSize);
        return Service.service(OrdersGrpcService.SERVICE_NAME, OrdersGrpcService.SERVICE_DESCRIPTOR)
                .bind(OrdersGrpcService.PlaceOrder, handlers.unary(OrdersGrpcService.PlaceOrder, orders::placeOrder))
                .bind(OrdersGrpcService.ConfirmOrder,
                        handlers.unary(OrdersGrpcService.ConfirmOrder, orders::confirmOrder))
                .bind(OrdersGrpcService.CancelOrder, handlers.unary(OrdersGrpcService.CancelOrder, orders::cancelOrder))
                .bind(OrdersGrpcService.ShipOrder, handlers.unary(OrdersGrpcService.ShipOrder, orders::shipOrder))
                .bind(OrdersGrpcService.GetOrder, handlers.unary(OrdersGrpcService.GetOrder, orders::getOrder))
                .bind(OrdersGrpcService.ListCustomerOrders,
                        handlers.unary(OrdersGrpcService.ListCustomerOrders, orders::listCustomerOrders))
                .bind(OrdersGrpcService.WatchOrders, handlers.streaming(OrdersGrpcService.WatchOrders, events::watch))
                .build();
    }

    private Future<PlaceOrderReply> placeOrder(CallContext call, PlaceOrderRequest request) {
        PlaceOrder command = ProtoInput.build("", () -> new PlaceOrder(
                ProtoInput.uuid(request.getCustomerId(), "customer_id"), OrderProtos.lines(request.getLinesList())));
        return call.send(command).map(receipt -> PlaceOrderReply.newBuilder()
                .setOrderId(receipt.stream().id()).setVersion(receipt.version()).build());
    }

    private Future<OrderChangeReply> confirmOrder(CallContext call, ConfirmOrderRequest request) {
        ConfirmOrder command = ProtoInput.build("",
                () -> new ConfirmOrder(ProtoInput.uuid(request.getOrderId(), "order_id")));
        return call.send(command).map(OrdersEndpoints::changed);
    }

    private Future<OrderChangeReply> cancelOrder(CallContext call, CancelOrderRequest request) {
        CancelOrder command = ProtoInput.build("",
                () -> new CancelOrder(ProtoInput.uuid(request.getOrderId(), "order_id"), request.getReason()));
        return call.send(command).map(OrdersEndpoints::changed);
    }

    private Future<OrderChangeReply> shipOrder(CallContext call, ShipOrderRequest request) {
        ShipOrder command = ProtoInput.build("",
                () -> new ShipOrder(ProtoInput.uuid(request.getOrderId(), "order_id")));
        return call.send(command).map(OrdersEndpoints::changed);
    }

    private Future<Order> getOrder(CallContext call, GetOrderRequest request) {
        GetOrder query = ProtoInput.build("", () -> new GetOrder(ProtoInput.uuid(request.getOrderId(), "order_id")));
        return call.ask(query).map(OrderProtos::order);
    }

    private Future<ListCustomerOrdersReply> listCustomerOrders(CallContext call, ListCustomerOrdersRequest request) {
        int limit = request.getLimit() == 0 ? defaultPageSize : request.getLimit();
        Optional<String> cursor = request.getCursor().isEmpty() ? Optional.empty() : Optional.of(request.getCursor());
        ListCustomerOrders query = ProtoInput.build("", () -> new ListCustomerOrders(
                ProtoInput.uuid(request.getCustomerId(), "customer_id"), limit, cursor));
        return call.ask(query).map(OrderProtos::page);
    }

    private static OrderChangeReply changed(Receipt receipt) {
        return OrderChangeReply.newBuilder().setOrderId(receipt.stream().id()).setVersion(receipt.version()).build();
    }
}
