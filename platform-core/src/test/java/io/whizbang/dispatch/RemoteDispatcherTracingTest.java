package io.whizbang.dispatch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.Increment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a tracer on Vert.x, a remote dispatcher's command from an event loop is traced as a request to the dispatcher's
 * address: the caller's span and the dispatcher's span name {@code whizbang.commands}, the dispatcher's carries what
 * the caller's propagated, and no span names an internal call or reply address.
 */
class RemoteDispatcherTracingTest {
    private static final String DESTINATION = "messaging.destination.name";

    private final RecordingTracer tracer = new RecordingTracer();
    private Vertx vertx;

    @AfterEach
    void close() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCommandFromAnEventLoopIsTracedAsARequestToTheDispatchersAddress() throws Exception {
        // given: a traced Vert.x serving a dispatcher
        vertx = Vertx.builder().with(new VertxOptions().setTracingOptions(new TracingOptions()))
                .withTracer(options -> tracer).build();
        DispatcherOptions options = new DispatcherOptions();
        Registry registry = CounterRegistry.create(new CounterReceptor());
        Dispatcher local = Dispatcher.create(vertx, registry, Ledger.memory(vertx), ProjectionStore.memory(), options);
        await(vertx.deployVerticle(new DispatcherVerticle(local, options)));
        Dispatcher remote = Dispatcher.remote(vertx, registry.codecs(), options);
        tracer.spans.clear();

        // when: sent from an event loop, as a gateway's handler sends
        Promise<Receipt> sent = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> remote.send(
                Principal.of("alice", "acme", CounterRegistry.WRITE), new Increment("traced-1", 2)).onComplete(sent));
        assertThat(await(sent.future()).version()).isEqualTo(1);

        // then
        List<Span> spans = List.copyOf(tracer.spans);
        assertThat(spans).extracting(Span::destination)
                .noneMatch(destination -> destination.endsWith(".calls") || destination.startsWith("whizbang.replies"));
        List<Span> command = spans.stream().filter(span -> options.commandAddress().equals(span.destination()))
                .toList();
        assertThat(command).extracting(Span::side).containsExactlyInAnyOrder("client", "server");
        Span client = command.stream().filter(span -> span.side().equals("client")).findFirst().orElseThrow();
        Span server = command.stream().filter(span -> span.side().equals("server")).findFirst().orElseThrow();
        assertThat(server.parent()).isEqualTo(client.id());
        assertThat(server.answered()).isTrue();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One span the tracer was asked for: which side, the message's destination, its id and its parent's. */
    private static final class Span {
        private final String side;
        private final String destination;
        private final String id;
        private final String parent;
        private volatile boolean answered;

        Span(String side, String destination, String id, String parent) {
            this.side = side;
            this.destination = destination;
            this.id = id;
            this.parent = parent;
        }

        String side() {
            return side;
        }

        String destination() {
            return destination;
        }

        String id() {
            return id;
        }

        String parent() {
            return parent;
        }

        boolean answered() {
            return answered;
        }
    }

    /** A tracer that records spans and propagates a span's id in one header, as a real tracer propagates its own. */
    private static final class RecordingTracer implements VertxTracer<Span, Span> {
        private static final String HEADER = "test-span";
        private final List<Span> spans = new CopyOnWriteArrayList<>();
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public <R> Span receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                                       String operation, Iterable<Map.Entry<String, String>> headers,
                                       TagExtractor<R> tags) {
            String parent = null;
            for (Map.Entry<String, String> header : headers) {
                if (header.getKey().equals(HEADER)) {
                    parent = header.getValue();
                }
            }
            if (parent == null && policy == TracingPolicy.PROPAGATE) {
                return null; // like OpenTelemetry's: nothing to continue, no span
            }
            return record("server", request, tags, parent);
        }

        @Override
        public <R> void sendResponse(Context context, R response, Span span, Throwable failure, TagExtractor<R> tags) {
            if (span != null) {
                span.answered = true;
            }
        }

        @Override
        public <R> Span sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                                    BiConsumer<String, String> headers, TagExtractor<R> tags) {
            if (policy == TracingPolicy.IGNORE) {
                return null;
            }
            Span span = record("client", request, tags, null);
            headers.accept(HEADER, span.id());
            return span;
        }

        private <R> Span record(String side, R request, TagExtractor<R> tags, String parent) {
            Span span = new Span(side, tags.extract(request).get(DESTINATION), "span-" + ids.incrementAndGet(), parent);
            spans.add(span);
            return span;
        }
    }
}
