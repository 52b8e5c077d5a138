package io.whizbang.gateway.desktop;

import com.google.protobuf.Timestamp;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.customer.CustomerOrder;
import io.whizbang.examples.orders.customer.CustomerOrdersPage;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.summary.OrderSummary;
import io.whizbang.gateway.desktop.v1.ListCustomerOrdersReply;
import io.whizbang.gateway.desktop.v1.Order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the sample's order records as the {@code .proto} messages of {@code whizbang.sample.v1}, and reads order
 * lines from them.
 */
final class OrderProtos {
    private OrderProtos() {
    }

    /** The order lines a request holds, each checked by the sample's rules and named by its index. */
    static List<OrderLine> lines(List<io.whizbang.gateway.desktop.v1.OrderLine> given) {
        List<OrderLine> lines = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            io.whizbang.gateway.desktop.v1.OrderLine line = given.get(i);
            String prefix = "lines[" + i + "]";
            BigDecimal unitPrice = ProtoInput.build(prefix,
                    () -> ProtoInput.money(line.getUnitPrice(), "unit_price"));
            lines.add(ProtoInput.build(prefix, () -> new OrderLine(line.getSku(), line.getQuantity(), unitPrice)));
        }
        return lines;
    }

    /** The proto of one order line. */
    static io.whizbang.gateway.desktop.v1.OrderLine line(OrderLine line) {
        return io.whizbang.gateway.desktop.v1.OrderLine.newBuilder().setSku(line.sku())
                .setQuantity(line.quantity()).setUnitPrice(money(line.unitPrice())).build();
    }

    /** The proto of an order's summary. */
    static Order order(OrderSummary summary) {
        Order.Builder order = Order.newBuilder()
                .setOrderId(summary.orderId().toString())
                .setCustomerId(summary.customerId().toString())
                .setStatus(status(summary.status()))
                .setTotal(money(summary.total()))
                .setPlacedAt(timestamp(summary.placedAt()))
                .setVersion(summary.version())
                .setCancelReason(summary.cancelReason().orElse(""));
        summary.lines().forEach(line -> order.addLines(line(line)));
        return order.build();
    }

    /** The proto of a page of a customer's orders. */
    static ListCustomerOrdersReply page(CustomerOrdersPage page) {
        ListCustomerOrdersReply.Builder reply = ListCustomerOrdersReply.newBuilder()
                .setNextCursor(page.nextCursor().orElse(""));
        for (CustomerOrder item : page.items()) {
            reply.addItems(io.whizbang.gateway.desktop.v1.CustomerOrder.newBuilder()
                    .setOrderId(item.orderId().toString())
                    .setCustomerId(item.customerId().toString())
                    .setStatus(status(item.status()))
                    .setTotal(money(item.total()))
                    .setPlacedAt(timestamp(item.placedAt())));
        }
        return reply.build();
    }

    /** The proto of an order status. */
    static io.whizbang.gateway.desktop.v1.OrderStatus status(OrderStatus status) {
        return switch (status) {
            case PLACED -> io.whizbang.gateway.desktop.v1.OrderStatus.ORDER_STATUS_PLACED;
            case CONFIRMED -> io.whizbang.gateway.desktop.v1.OrderStatus.ORDER_STATUS_CONFIRMED;
            case CANCELLED -> io.whizbang.gateway.desktop.v1.OrderStatus.ORDER_STATUS_CANCELLED;
            case SHIPPED -> io.whizbang.gateway.desktop.v1.OrderStatus.ORDER_STATUS_SHIPPED;
        };
    }

    /** An amount as the {@code .proto} writes it: a plain decimal with two decimals. */
    static String money(BigDecimal amount) {
        return (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
    }

    /** An instant as a protobuf timestamp. */
    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
