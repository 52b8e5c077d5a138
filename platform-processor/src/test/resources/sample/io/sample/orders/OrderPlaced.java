package io.sample.orders;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@SchemaVersion(2)
public record OrderPlaced(UUID orderId, String customer, List<OrderLine> lines, Instant placedAt,
                          Optional<String> note, Map<String, Integer> tags) implements Event {
}
