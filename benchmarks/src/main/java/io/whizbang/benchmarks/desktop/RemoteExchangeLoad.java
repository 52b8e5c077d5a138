package io.whizbang.benchmarks.desktop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.impl.dispatch.BusCodecs;
import io.whizbang.message.Envelope;
import io.whizbang.security.Principal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The remote dispatcher's exchange alone, in one process: commands sent from two event loops to a
 * {@link StubDispatcherVerticle}, through the remote dispatcher (its reply channel on a Vert.x without a tracer) and as
 * plain event-bus requests (what it sent before the channel), alternating in every round, so that both meet the same
 * neighbours on a shared machine. What a gateway call pays on the bus, without HTTP/2, token or ledger.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.whizbang.benchmarks.desktop.RemoteExchangeLoad 200000 32 10</pre>
 * (calls per round and variant, calls in flight, rounds; the first two rounds are warm-up).
 */
public final class RemoteExchangeLoad {
    private static final String PREFIX = "exchange";
    private static final Principal BENCH = Principal.of("bench", "acme", "inventory:write");

    private RemoteExchangeLoad() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        int inFlight = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            Codecs codecs = SampleApplicationRegistry.create().codecs();
            BusCodecs.register(vertx, codecs);
            DispatcherOptions options = new DispatcherOptions().setAddressPrefix(PREFIX);
            await(vertx.deployVerticle(new StubDispatcherVerticle(options)));
            System.out.println("remote dispatcher exchange to a stub: " + calls + " calls a round and variant, "
                    + inFlight + " in flight from 2 event loops");
            for (int round = 0; round < rounds; round++) {
                List<Boolean> order = round % 2 == 0 ? List.of(true, false) : List.of(false, true);
                for (boolean channel : order) {
                    long start = System.nanoTime();
                    List<Future<Void>> loops = new ArrayList<>();
                    for (int loop = 0; loop < 2; loop++) {
                        Sender sender = new Sender(codecs, options, channel, calls / 2, inFlight / 2);
                        loops.add(vertx.deployVerticle(sender).compose(id -> sender.done.future()
                                .compose(done -> vertx.undeploy(id))));
                    }
                    await(Future.all(loops));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("round %d %-22s %,10.0f calls/s%s%n", round + 1,
                            channel ? "remote dispatcher" : "plain request", calls / seconds,
                            round < 2 ? " (warm-up)" : "");
                }
            }
        } finally {
            await(vertx.close());
        }
    }

    /** A closed loop of commands from one event loop. */
    private static final class Sender extends VerticleBase {
        private final Codecs codecs;
        private final DispatcherOptions options;
        private final boolean channel;
        private final int inFlight;
        private final DeliveryOptions plain;
        private final Promise<Void> done = Promise.promise();
        private Dispatcher remote;
        private int left;
        private int waiting;

        Sender(Codecs codecs, DispatcherOptions options, boolean channel, int calls, int inFlight) {
            this.codecs = codecs;
            this.options = options;
            this.channel = channel;
            this.left = calls;
            this.inFlight = inFlight;
            this.plain = new DeliveryOptions().setSendTimeout(options.getSendTimeoutMillis())
                    .setCodecName(BusCodecs.ENVELOPE);
        }

        @Override
        public Future<?> start() {
            remote = Dispatcher.remote(vertx, codecs, options);
            for (int i = 0; i < inFlight; i++) {
                next();
            }
            return Future.succeededFuture();
        }

        private void next() {
            if (left == 0) {
                if (waiting == 0) {
                    done.tryComplete();
                }
                return;
            }
            left--;
            waiting++;
            RestockItem command = new RestockItem("SKU-" + left, 1);
            Future<?> answered = channel ? remote.send(BENCH, command)
                    : vertx.eventBus().request(options.commandAddress(),
                    Envelope.create(BENCH, codecs.typeOf(command), command), plain).map(Message::body);
            answered.onComplete(result -> {
                waiting--;
                if (result.failed()) {
                    done.tryFail(result.cause());
                }
                next();
            });
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }
}
