package io.whizbang.gateway.web;

import graphql.execution.SubscriptionExecutionStrategy;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.graphql.ExecutionInputBuilderWithContext;
import io.vertx.ext.web.handler.graphql.ws.ConnectionInitEvent;
import io.vertx.ext.web.handler.graphql.ws.Message;
import io.whizbang.http.CorrelationIds;
import io.whizbang.security.Principal;

import java.util.Map;

/**
 * Authenticates graphql-transport-ws connections and gives each operation on them its {@link Caller}.
 *
 * <p>The token comes from the {@code connection_init} payload's {@code Authorization} ({@code "Bearer <jwt>"}), or
 * else from the upgrade request's {@code Authorization} header; a correlation id likewise from the payload's or the
 * upgrade's {@code X-Correlation-Id}, else a new one per operation. Every connection is acknowledged: an operation of
 * a connection without a valid token fails with a coded {@code UNAUTHENTICATED} error that says why, as it does over
 * HTTP.
 */
final class WebSocketSessions {
    private static final String AUTHORIZATION = "Authorization";

    private final TokenCache verifier;
    private final ExecutionIds ids;

    WebSocketSessions(TokenCache verifier, ExecutionIds ids) {
        this.verifier = verifier;
        this.ids = ids;
    }

    /** What a connection was initialised with. */
    record Session(Future<Principal> principal, String correlationId) {
    }

    /** Handles {@code connection_init}: verifies the token and acknowledges the connection. */
    void init(ConnectionInitEvent event) {
        JsonObject payload = event.message().message().getValue("payload") instanceof JsonObject given ? given
                : new JsonObject();
        var headers = event.message().socket().headers();
        String authorization = text(payload, AUTHORIZATION);
        if (authorization == null) {
            authorization = headers.get(AUTHORIZATION);
        }
        String correlationId = text(payload, CorrelationIds.HEADER);
        if (!Correlation.usable(correlationId)) {
            correlationId = Correlation.usable(headers.get(CorrelationIds.HEADER)) ? headers.get(CorrelationIds.HEADER)
                    : null;
        }
        event.complete(new Session(verifier.verifyHeader(authorization), correlationId));
    }

    /** Puts the caller of an operation of the connection into its GraphQL context. */
    void beforeExecute(ExecutionInputBuilderWithContext<Message> input) {
        Object params = input.context().connectionParams();
        Caller caller = params instanceof Session session
                ? new Caller(session.principal(), Correlation.usableOrNew(session.correlationId()),
                        Caller.Transport.WEBSOCKET)
                : new Caller(verifier.verifyHeader(null), Correlation.usableOrNew(null), Caller.Transport.WEBSOCKET);
        input.builder().executionId(ids.next()).graphQLContext(Map.of(Caller.KEY, caller,
                SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true));
    }

    /** The payload's value under the name, in any case, when it is text. */
    private static String text(JsonObject payload, String name) {
        for (String key : payload.fieldNames()) {
            if (key.equalsIgnoreCase(name) && payload.getValue(key) instanceof String value) {
                return value;
            }
        }
        return null;
    }
}
