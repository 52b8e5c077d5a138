package io.whizbang.benchmarks;

import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.orders.Order;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.confirm.ConfirmOrder;
import io.whizbang.examples.orders.confirm.ConfirmOrderReceptor;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.impl.dispatch.DispatchTable;
import io.whizbang.impl.dispatch.LocalDispatcher;
import io.whizbang.ledger.Ledger;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.ReceptorBinding;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * In-process command dispatch through the generated table (lookup, tenant and scope guard, typed invocation of the
 * receptor; policies off) against a direct call of the same receptor method, in the same run.
 *
 * <p>{@link #dispatcherSend} adds what a full {@code Dispatcher.send} does on the memory ledger: loading and folding
 * the stream and building the receipt, for a command that appends nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {
    private Vertx vertx;
    private Dispatcher dispatcher;
    private DispatchTable table;
    private ConfirmOrderReceptor receptor;
    private ConfirmOrder command;
    private Envelope<ConfirmOrder> envelope;
    private Envelope<ConfirmOrder> confirmedEnvelope;
    private Order state;
    private CommandContext context;

    @Setup
    public void setUp() {
        Registry registry = SampleApplicationRegistry.create();
        vertx = Vertx.vertx();
        dispatcher = Dispatcher.create(vertx, registry, Ledger.memory(vertx), ProjectionStore.memory());
        table = ((LocalDispatcher) dispatcher).table();
        receptor = new ConfirmOrderReceptor();
        Principal principal = Principal.of("bench", "acme", "orders:write");
        UUID orderId = UUID.randomUUID();
        command = new ConfirmOrder(orderId);
        envelope = Envelope.create(principal, registry.codecs().typeOf(command), command);
        context = new CommandContext(envelope, Clock.systemUTC());
        OrderLine line = new OrderLine("SKU-1", 2, new BigDecimal("9.95"));
        state = new Order(orderId, UUID.randomUUID(), OrderStatus.PLACED, List.of(line), new BigDecimal("19.90"),
                Instant.now());
        confirmedEnvelope = placeAndConfirm(principal, registry, line);
    }

    private Envelope<ConfirmOrder> placeAndConfirm(Principal principal, Registry registry, OrderLine line) {
        Principal writer = Principal.of("bench", "acme", "orders:write");
        PlaceOrder place = new PlaceOrder(UUID.randomUUID(), List.of(line));
        Receipt placed = dispatcher.send(writer, place).toCompletionStage().toCompletableFuture().join();
        ConfirmOrder confirm = new ConfirmOrder(UUID.fromString(placed.stream().id()));
        dispatcher.send(writer, confirm).toCompletionStage().toCompletableFuture().join();
        return Envelope.create(principal, registry.codecs().typeOf(confirm), confirm);
    }

    @TearDown
    public void tearDown() {
        vertx.close();
    }

    /** The baseline: the receptor's method called directly. */
    @Benchmark
    public Decision directCall() {
        return receptor.decide(command, state, context);
    }

    /** The same decision reached through the generated dispatch table, as the dispatcher reaches it. */
    @Benchmark
    public Decision generatedTableDispatch() {
        return decide(table.route(envelope), envelope.payload(), state, context);
    }

    /** A whole send on the memory ledger: route, load and fold two events, decide (no change), receipt. */
    @Benchmark
    public Receipt dispatcherSend() {
        return dispatcher.send(confirmedEnvelope).result();
    }

    /** The call as {@code CommandHandling} makes it: the routed payload is the binding's command type. */
    @SuppressWarnings("unchecked")
    static <C extends Command, S> Decision decide(ReceptorBinding<C, S> binding, Object command, Object state,
                                                  CommandContext context) {
        return binding.receptor().decide((C) command, (S) state, context);
    }

    /** For tests: both paths' decisions. */
    Decision[] decisions() {
        return new Decision[] {directCall(), generatedTableDispatch()};
    }
}
