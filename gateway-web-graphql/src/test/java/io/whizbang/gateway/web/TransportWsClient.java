package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A real graphql-transport-ws client on Vert.x's {@code WebSocketClient}: {@code connection_init} →
 * {@code connection_ack} → {@code subscribe} → {@code next} … → {@code complete}, as the protocol specifies.
 */
final class TransportWsClient {
    private final WebSocket socket;
    private final Map<String, ArrayDeque<JsonObject>> received = new HashMap<>();
    private final Map<String, Promise<JsonObject>> waiting = new HashMap<>();
    private final Promise<JsonObject> ack = Promise.promise();
    private final Promise<Short> closed = Promise.promise();

    private TransportWsClient(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(text -> onMessage(new JsonObject(text)));
        socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
    }

    /** Connects to {@code /graphql} with the subprotocol, and the given upgrade header when not null. */
    static Future<TransportWsClient> connect(Vertx vertx, int port, String authorizationHeader) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI(GatewayRouter.GRAPHQL_PATH).addSubProtocol(WebGatewayVerticle.GRAPHQL_TRANSPORT_WS);
        if (authorizationHeader != null) {
            options.addHeader("Authorization", authorizationHeader);
        }
        return vertx.createWebSocketClient().connect(options).map(TransportWsClient::new);
    }

    /** The subprotocol the server agreed to. */
    String subProtocol() {
        return socket.subProtocol();
    }

    /** Sends {@code connection_init} with the payload; completes with {@code connection_ack}. */
    Future<JsonObject> init(JsonObject payload) {
        JsonObject message = new JsonObject().put("type", "connection_init");
        if (payload != null) {
            message.put("payload", payload);
        }
        socket.writeTextMessage(message.encode());
        return ack.future();
    }

    /** Sends {@code subscribe} for the operation under the id. */
    Future<Void> subscribe(String id, String query, JsonObject variables) {
        return socket.writeTextMessage(new JsonObject().put("id", id).put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query).put("variables", variables)).encode());
    }

    /** Sends {@code complete} for the id: the client is done with the operation. */
    Future<Void> complete(String id) {
        return socket.writeTextMessage(new JsonObject().put("id", id).put("type", "complete").encode());
    }

    /** The next message ({@code next}, {@code error} or {@code complete}) the server sent for the id. */
    synchronized Future<JsonObject> next(String id) {
        ArrayDeque<JsonObject> queue = received.get(id);
        if (queue != null && !queue.isEmpty()) {
            return Future.succeededFuture(queue.poll());
        }
        Promise<JsonObject> promise = Promise.promise();
        waiting.put(id, promise);
        return promise.future();
    }

    /** How many messages for the id arrived and were not taken yet. */
    synchronized int pending(String id) {
        ArrayDeque<JsonObject> queue = received.get(id);
        return queue == null ? 0 : queue.size();
    }

    /** Completes with the close status code when the server closes the socket. */
    Future<Short> closedWith() {
        return closed.future();
    }

    /** Closes the socket. */
    Future<Void> close() {
        return socket.close();
    }

    private synchronized void onMessage(JsonObject message) {
        if ("connection_ack".equals(message.getString("type"))) {
            ack.tryComplete(message);
            return;
        }
        String id = message.getString("id");
        if (id == null) {
            return;
        }
        Promise<JsonObject> promise = waiting.remove(id);
        if (promise != null) {
            promise.complete(message);
        } else {
            received.computeIfAbsent(id, key -> new ArrayDeque<>()).add(message);
        }
    }
}
