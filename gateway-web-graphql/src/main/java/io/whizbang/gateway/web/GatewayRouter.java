package io.whizbang.gateway.web;

import graphql.GraphQL;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.graphql.GraphQLHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandlerOptions;
import io.vertx.ext.web.handler.graphql.ws.GraphQLWSHandler;
import io.vertx.ext.web.handler.graphql.ws.GraphQLWSOptions;
import io.whizbang.error.ErrorCode;
import io.whizbang.health.HealthRoutes;
import io.whizbang.health.ReadinessProbe;
import io.whizbang.http.HttpProblem;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The routes of the web gateway: {@code POST /graphql}, WebSocket {@code /graphql} (graphql-transport-ws),
 * {@code /graphiql}, {@code GET /health} and {@code GET /ready}; any other path is a {@code 404} problem, as on every
 * Whizbang HTTP service.
 */
final class GatewayRouter {
    /** The GraphQL endpoint, over HTTP and WebSocket. */
    static final String GRAPHQL_PATH = "/graphql";
    /** Where GraphiQL is served. */
    static final String GRAPHIQL_PATH = "/graphiql";

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class.getName());

    private GatewayRouter() {
    }

    /** The router of the gateway. */
    static Router create(Vertx vertx, WebGatewayOptions options, GraphQL graphQL, TokenCache tokens) {
        Router router = Router.router(vertx);
        router.route().handler(new Correlation());

        HealthRoutes health = HealthRoutes.create(ReadinessProbe.eventBus(vertx, options.getReadinessAddress(),
                options.getReadinessTimeoutMillis()));
        router.get(HealthRoutes.HEALTH_PATH).handler(rc -> health.handle(rc.request()));
        router.get(HealthRoutes.READY_PATH).handler(rc -> health.handle(rc.request()));

        ExecutionIds ids = new ExecutionIds();
        router.post(GRAPHQL_PATH)
                .handler(BodyHandler.create(false).setBodyLimit(options.getMaxBodyBytes()))
                .handler(GraphQLHandler.builder(graphQL).beforeExecute(input -> input.builder()
                        .executionId(ids.next())
                        .graphQLContext(Map.of(Caller.KEY, new Caller(tokens.verifyHeader(input.context().request()
                                .getHeader("Authorization")), Correlation.idOf(input.context()),
                                Caller.Transport.HTTP)))).build());

        WebSocketSessions sessions = new WebSocketSessions(tokens, ids);
        router.get(GRAPHQL_PATH).handler(GraphQLWSHandler.builder(graphQL)
                .with(new GraphQLWSOptions().setConnectionInitWaitTimeout(options.getConnectionInitTimeoutMillis()))
                .onConnectionInit(sessions::init)
                .beforeExecute(sessions::beforeExecute)
                .build());
        router.route(GRAPHQL_PATH).handler(rc -> rc.fail(405));
        HttpFailures failures = new HttpFailures(options.getMaxBodyBytes());
        router.route(GRAPHQL_PATH).failureHandler(failures::handle);

        if (options.isGraphiqlEnabled()) {
            router.route(GRAPHIQL_PATH + "*").subRouter(GraphiQLHandler.create(vertx, new GraphiQLHandlerOptions()
                    .setEnabled(true).setGraphQLUri(GRAPHQL_PATH).setGraphQLWSEnabled(true)
                    .setGraphWSQLUri(GRAPHQL_PATH)).router());
        }

        router.route().handler(rc -> HttpProblem.of(ErrorCode.NOT_FOUND, "no route " + rc.request().method() + " "
                + rc.request().path()).send(rc.response()));
        router.route().failureHandler(GatewayRouter::problem);
        return router;
    }

    /** Answers a failure outside {@code /graphql} (GraphiQL's files, the health routes) as a problem. */
    private static void problem(io.vertx.ext.web.RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        if (rc.statusCode() == 404) {
            HttpProblem.of(ErrorCode.NOT_FOUND, "no route " + rc.request().method() + " " + rc.request().path())
                    .send(rc.response());
            return;
        }
        String correlationId = Correlation.idOf(rc);
        LOG.log(Level.SEVERE, "request to " + rc.request().path() + " failed, correlation id " + correlationId,
                rc.failure());
        HttpProblem.of(ErrorCode.INTERNAL, "internal error; it is logged under correlation id " + correlationId)
                .send(rc.response());
    }
}
