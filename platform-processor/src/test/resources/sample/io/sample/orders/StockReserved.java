package io.sample.orders;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;
import io.whizbang.message.TypeName;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

@TypeName("inventory.StockReserved")
@SchemaVersion(1)
public record StockReserved(UUID orderId, Shipment shipment, Set<String> skus) implements Event {

    public record Shipment(String carrier, LocalDate expected) {
    }
}
