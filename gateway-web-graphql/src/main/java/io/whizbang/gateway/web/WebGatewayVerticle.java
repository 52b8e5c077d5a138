package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerClient;
import io.whizbang.security.TokenVerifier;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The web gateway: the sample application's GraphQL API for browsers — {@code POST /graphql} for queries and
 * mutations, WebSocket {@code /graphql} (graphql-transport-ws) for subscriptions, GraphiQL at {@code /graphiql} —
 * with {@code GET /health} and {@code GET /ready}.
 *
 * <p>It holds no data: queries and commands go through the dispatcher on the event bus, live events come from the
 * ledger's subscription over the bus, and it is ready when the dispatcher answers there.
 */
public final class WebGatewayVerticle extends VerticleBase {
    /** The WebSocket subprotocol of subscriptions. */
    public static final String GRAPHQL_TRANSPORT_WS = "graphql-transport-ws";

    private final WebGatewayOptions options;
    private final Clock clock;
    private final AtomicInteger liveSubscriptions = new AtomicInteger();
    private HttpServer server;
    private Ledger ledger;
    private DocumentCache documents;

    /** A gateway with the options; they must name how tokens are verified. */
    public WebGatewayVerticle(WebGatewayOptions options) {
        this(options, Clock.systemUTC());
    }

    /** A gateway whose "today" (the dashboard's sales) and token cache read the clock. */
    WebGatewayVerticle(WebGatewayOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Future<?> start() {
        if (options.getTokenVerifier() == null) {
            return Future.failedFuture(new IllegalStateException("the web gateway needs tokenVerifier options "
                    + "(the development key or the production keys) to authenticate callers"));
        }
        TokenVerifier verifier = TokenVerifier.create(vertx, options.getTokenVerifier());
        TokenCache tokens = new TokenCache(verifier::verifyHeader, options.getTokenCacheSize(),
                options.getTokenCacheMillis(), options.getTokenVerifier().getLeewaySeconds() * 1000L, clock);
        BackendCalls backend = new BackendCalls(Dispatcher.remote(vertx, SampleApplicationRegistry.create().codecs(),
                options.getDispatcher()));
        ledger = LedgerClient.create(vertx, options.getDispatcher().getAddressPrefix());
        documents = new DocumentCache(options.getDocumentCacheSize());
        SubscriptionFetchers subscriptions = new SubscriptionFetchers(vertx, ledger,
                new EventMaps(backend.codecs()), options.getSubscriptionBatchSize(), liveSubscriptions);
        HttpServerOptions serverOptions = new HttpServerOptions().setHost(options.getHost())
                .setPort(options.getPort())
                .setWebSocketSubProtocols(List.of(GRAPHQL_TRANSPORT_WS))
                .setMaxWebSocketMessageSize(options.getMaxBodyBytes())
                .setMaxWebSocketFrameSize(Math.min(options.getMaxBodyBytes(), HttpServerOptions
                        .DEFAULT_MAX_WEBSOCKET_FRAME_SIZE));
        // Parsing the schema and building the engine takes a while on a cold JVM: off the event loop.
        return vertx.executeBlocking(() -> GraphQLEngine.create(GatewaySchema.create(
                        new QueryFetchers(backend),
                        new CustomerOrderConnections(backend),
                        new DashboardFetcher(backend, clock),
                        new MutationFetchers(backend),
                        subscriptions), options, documents))
                .compose(graphQL -> vertx.createHttpServer(serverOptions)
                        .requestHandler(GatewayRouter.create(vertx, options, graphQL, tokens))
                        .listen())
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.compose(v -> ledger == null ? Future.succeededFuture() : ledger.close());
    }

    /** The port it listens on, the one picked when the options asked for port 0; available once started. */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the web gateway is not started");
        }
        return server.actualPort();
    }

    /** How many subscriptions are streaming ledger events now. */
    int liveSubscriptions() {
        return liveSubscriptions.get();
    }

    /** How many parsed documents the cache holds now. */
    int cachedDocuments() {
        return documents == null ? 0 : documents.size();
    }
}
