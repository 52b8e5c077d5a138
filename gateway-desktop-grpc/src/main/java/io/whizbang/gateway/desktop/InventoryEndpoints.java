package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.grpc.server.Service;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.gateway.desktop.v1.GetLevelRequest;
import io.whizbang.gateway.desktop.v1.InventoryGrpcService;
import io.whizbang.gateway.desktop.v1.InventoryLevel;
import io.whizbang.gateway.desktop.v1.RestockReply;
import io.whizbang.gateway.desktop.v1.RestockRequest;

/**
 * The {@code whizbang.sample.v1.Inventory} service: restocking a SKU ({@code inventory:write}) and reading its level
 * ({@code inventory:read}), both over the bus as the caller.
 */
final class InventoryEndpoints {
    private InventoryEndpoints() {
    }

    /** The service, with its methods' handlers. */
    static Service service(CallHandlers handlers) {
        return Service.service(InventoryGrpcService.SERVICE_NAME, InventoryGrpcService.SERVICE_DESCRIPTOR)
                .bind(InventoryGrpcService.Restock,
                        handlers.unary(InventoryGrpcService.Restock, InventoryEndpoints::restock))
                .bind(InventoryGrpcService.GetLevel,
                        handlers.unary(InventoryGrpcService.GetLevel, InventoryEndpoints::getLevel))
                .build();
    }

    private static Future<RestockReply> restock(CallContext call, RestockRequest request) {
        RestockItem command = ProtoInput.build("", () -> new RestockItem(request.getSku(), request.getQuantity()));
        return call.send(command).map(receipt -> RestockReply.newBuilder().setSku(command.sku())
                .setVersion(receipt.version()).build());
    }

    private static Future<InventoryLevel> getLevel(CallContext call, GetLevelRequest request) {
        GetInventoryLevel query = ProtoInput.build("", () -> new GetInventoryLevel(request.getSku()));
        return call.ask(query).map(level -> InventoryLevel.newBuilder().setSku(level.sku())
                .setOnHand(level.onHand()).setReserved(level.reserved()).setAvailable(level.available()).build());
    }
}
