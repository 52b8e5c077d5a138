package io.whizbang.examples.orders.place;

import io.whizbang.error.ErrorCode;
import io.whizbang.handler.CommandContext;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;
import io.whizbang.message.MessageType;
import io.whizbang.security.Principal;
import io.whizbang.testing.ReceptorFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceOrderReceptorTest {
    private static final UUID CUSTOMER = UUID.fromString("0190a5d0-0000-7000-8000-00000000c001");
    private static final List<OrderLine> LINES = List.of(new OrderLine("SKU-1", 2, new BigDecimal("9.99")),
            new OrderLine("SKU-2", 1, new BigDecimal("5")));

    @Test
    void placingAnOrderEmitsOrderPlacedUnderTheCommandsMessageId() {
        var fixture = ReceptorFixture.of(new PlaceOrderReceptor());

        fixture.when(new PlaceOrder(CUSTOMER, LINES)).thenEvents(new OrderPlaced(fixture.messageId(), CUSTOMER, LINES,
                new BigDecimal("24.98"), ReceptorFixture.DEFAULT_NOW));
    }

    @Test
    void anOrderLivesInTheStreamNamedByTheCommandsMessageId() {
        UUID messageId = UUID.fromString("0190a5d0-0000-7000-8000-0000000000aa");
        Principal alice = Principal.of("alice", "acme");
        PlaceOrder command = new PlaceOrder(CUSTOMER, LINES);
        Envelope<PlaceOrder> envelope = new Envelope<>(messageId, messageId, null, "acme", alice, null,
                ReceptorFixture.DEFAULT_NOW, new MessageType("PlaceOrder", 1), command);

        StreamId stream = new PlaceOrderReceptor().streamOf(command, new CommandContext(envelope, Clock.systemUTC()));

        assertThat(stream).isEqualTo(StreamId.of("Order", messageId));
    }

    @Test
    void placingAnOrderWhoseStreamExistsIsAConflict() {
        var fixture = ReceptorFixture.of(new PlaceOrderReceptor());

        fixture.given(new OrderPlaced(fixture.messageId(), CUSTOMER, LINES, new BigDecimal("24.98"),
                        ReceptorFixture.DEFAULT_NOW))
                .when(new PlaceOrder(CUSTOMER, LINES))
                .thenRejected(ErrorCode.CONFLICT, "order " + fixture.messageId() + " was already placed");
    }
}
