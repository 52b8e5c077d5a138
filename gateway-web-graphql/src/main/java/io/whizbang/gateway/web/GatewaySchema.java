package io.whizbang.gateway.web;

import graphql.schema.DataFetcherFactories;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The executable schema: the SDL of {@code schema.graphqls} wired to the gateway's data fetchers by name.
 *
 * <p>A field without its own fetcher reads the key of its name from its parent, which is always JSON written by a
 * generated codec or a map written by a fetcher ({@link SourceField}); no field is ever read by reflection.
 */
final class GatewaySchema {
    /** The SDL resource, next to this class. */
    static final String RESOURCE = "schema.graphqls";

    private GatewaySchema() {
    }

    /** The SDL text. */
    static String sdl() {
        try (InputStream in = GatewaySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the schema resource " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema resource " + RESOURCE, e);
        }
    }

    /** The schema, its fields answered by the given fetchers. */
    static GraphQLSchema create(QueryFetchers queries, CustomerOrderConnections connections,
                                DashboardFetcher dashboard, MutationFetchers mutations,
                                SubscriptionFetchers subscriptions) {
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl());
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
                        .defaultDataFetcher(DataFetcherFactories.useDataFetcher(SourceField.OWN_NAME)))
                .scalar(GatewayScalars.DECIMAL)
                .scalar(GatewayScalars.DATE)
                .scalar(GatewayScalars.DATE_TIME)
                .scalar(GatewayScalars.LONG)
                .type("Query", type -> type
                        .dataFetcher("order", queries.order())
                        .dataFetcher("customerOrders", connections.fetcher())
                        .dataFetcher("inventory", queries.inventory())
                        .dataFetcher("dailySales", queries.dailySales())
                        .dataFetcher("dashboard", dashboard))
                .type("Mutation", type -> type
                        .dataFetcher("placeOrder", mutations.placeOrder())
                        .dataFetcher("confirmOrder", mutations.confirmOrder())
                        .dataFetcher("cancelOrder", mutations.cancelOrder())
                        .dataFetcher("shipOrder", mutations.shipOrder())
                        .dataFetcher("restockItem", mutations.restockItem()))
                .type("Subscription", type -> type
                        .dataFetcher("orderEvents", subscriptions.orderEvents())
                        .dataFetcher("tenantEvents", subscriptions.tenantEvents()))
                .type("Order", type -> type.dataFetcher("id", SourceField.named("orderId")))
                .type("CustomerOrder", type -> type.dataFetcher("id", SourceField.named("orderId")))
                .type("Event", type -> type.typeResolver(eventType()))
                .build();
        return new SchemaGenerator().makeExecutableSchema(types, wiring);
    }

    /** The object type of an event: its ledger type name, which {@link EventMaps} keeps. */
    private static TypeResolver eventType() {
        return env -> SourceField.read(env.getObject(), EventMaps.TYPE_NAME) instanceof String name
                ? env.getSchema().getObjectType(name) : null;
    }
}
