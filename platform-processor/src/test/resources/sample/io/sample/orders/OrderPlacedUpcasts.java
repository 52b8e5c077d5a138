package io.sample.orders;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Upcasts;

/** Version 1 of OrderPlaced called the customer "client" and had no tags. */
public final class OrderPlacedUpcasts {
    private OrderPlacedUpcasts() {
    }

    @Upcasts(value = OrderPlaced.class, from = 1)
    public static JsonObject v1ToV2(JsonObject stored) {
        JsonObject upcast = stored.copy();
        upcast.put("customer", upcast.remove("client"));
        upcast.put("tags", new JsonObject());
        return upcast;
    }
}
