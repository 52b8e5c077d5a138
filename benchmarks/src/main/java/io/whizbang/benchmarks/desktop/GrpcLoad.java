package io.whizbang.benchmarks.desktop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.GrpcStatus;
import io.whizbang.gateway.desktop.v1.InventoryGrpcClient;
import io.whizbang.gateway.desktop.v1.RestockReply;
import io.whizbang.gateway.desktop.v1.RestockRequest;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator of {@code Inventory/Restock} calls: a fixed number of calls, a fixed number in flight,
 * stopped early when its time is up; latencies into an HdrHistogram.
 *
 * <p>Each call restocks a SKU of its own, so every call appends to a new stream and no two calls conflict.
 */
final class GrpcLoad {
    private final GrpcClient client;

    GrpcLoad(GrpcClient client) {
        this.client = client;
    }

    /**
     * What one run measured.
     *
     * @param name      what was called
     * @param completed the calls answered OK
     * @param failed    the calls answered otherwise
     * @param nanos     how long the run took
     * @param latency   the latencies of the answered calls, in microseconds
     */
    record Result(String name, long completed, long failed, long nanos, Histogram latency) {
        /** Calls answered OK per second. */
        double throughput() {
            return completed * 1e9 / nanos;
        }
    }

    /** Runs {@code calls} calls, {@code concurrency} at a time, for at most {@code maxMillis}. */
    Future<Result> run(String name, SocketAddress server, Map<String, String> metadata, String skuPrefix, int calls,
                       int concurrency, long maxMillis) {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicInteger issued = new AtomicInteger();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger running = new AtomicInteger(concurrency);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        Promise<Result> done = Promise.promise();
        Runnable finished = () -> {
            if (running.decrementAndGet() == 0) {
                done.complete(new Result(name, completed.get(), failed.get(), System.nanoTime() - start, latency));
            }
        };
        for (int i = 0; i < concurrency; i++) {
            next(server, metadata, skuPrefix, calls, deadline, issued, completed, failed, latency, finished);
        }
        return done.future();
    }

    private void next(SocketAddress server, Map<String, String> metadata, String skuPrefix, int calls, long deadline,
                      AtomicInteger issued, AtomicLong completed, AtomicLong failed, Histogram latency,
                      Runnable finished) {
        int n = issued.getAndIncrement();
        if (n >= calls || System.nanoTime() > deadline) {
            finished.run();
            return;
        }
        long began = System.nanoTime();
        call(server, metadata, RestockRequest.newBuilder().setSku(skuPrefix + n).setQuantity(1).build())
                .onComplete(answer -> {
                    if (answer.succeeded()) {
                        synchronized (latency) {
                            latency.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
                        }
                        completed.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    next(server, metadata, skuPrefix, calls, deadline, issued, completed, failed, latency, finished);
                });
    }

    private Future<RestockReply> call(SocketAddress server, Map<String, String> metadata, RestockRequest request) {
        return client.request(server, InventoryGrpcClient.Restock).compose(call -> {
            metadata.forEach(call.headers()::set);
            return call.end(request).compose(v -> call.response());
        }).compose(response -> response.last().compose(reply -> response.status() == GrpcStatus.OK
                ? Future.succeededFuture(reply) : Future.failedFuture("status " + response.status())));
    }
}
