package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.message.Envelope;
import io.whizbang.security.Principal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The stock {@code run --seed} gives the sample's demo tenant, so orders can be placed at once: exactly once per
 * store, however many replicas seed and however often. One replica at a time seeds (a cluster-wide lock), and each
 * seed command has a fixed id sent through {@link Dispatcher#sendOnce}, so the ledger's inbox stores its effect once.
 */
final class DemoStock {
    /** The tenant the demo stock belongs to, the development token's tenant. */
    static final String TENANT = "acme";
    /** The SKUs seeded and how many of each. */
    static final List<RestockItem> STOCK = List.of(new RestockItem("SKU-1", 100), new RestockItem("SKU-2", 100),
            new RestockItem("SKU-3", 100));
    private static final long LOCK_MILLIS = 30_000;

    private DemoStock() {
    }

    /** Seeds the demo stock unless it was seeded before; completes once it is in the ledger. */
    static Future<Void> seed(Vertx vertx, Dispatcher dispatcher, Clock clock) {
        Principal seeder = Principal.of("whizbang-seed", TENANT, Scopes.INVENTORY_WRITE);
        return vertx.sharedData().getLockWithTimeout("whizbang.seed." + TENANT, LOCK_MILLIS).compose(lock -> {
            Future<Void> chain = Future.succeededFuture();
            for (RestockItem item : STOCK) {
                Envelope<RestockItem> created = Envelope.create(seeder, dispatcher.codecs().typeOf(item), item, clock);
                UUID id = UUID.nameUUIDFromBytes(("whizbang-seed:" + TENANT + ":" + item.sku())
                        .getBytes(StandardCharsets.UTF_8));
                Envelope<RestockItem> envelope = new Envelope<>(id, id, null, created.tenant(), seeder, null,
                        created.timestamp(), created.type(), item);
                chain = chain.compose(done -> dispatcher.sendOnce(envelope).mapEmpty());
            }
            return chain.eventually(() -> {
                lock.release();
                return Future.succeededFuture();
            });
        });
    }
}
