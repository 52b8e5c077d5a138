package io.whizbang.benchmarks.mobile;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP/1.1 load generator on loopback: a fixed number of requests with a fixed number in flight on
 * kept-alive connections, stopped early when its time is up; each latency (send to last body byte) goes into an
 * HdrHistogram. An answer with the expected status counts as completed, any other as failed.
 */
final class LoadGenerator {
    /** A request with no answer for this long fails, so that a phase always ends. */
    private static final long REQUEST_IDLE_TIMEOUT_MILLIS = 10_000;

    private final HttpClient client;
    private final Context context;

    /** A generator sending with the client from the context, one of the load generator's event loops. */
    LoadGenerator(HttpClient client, Context context) {
        this.client = client;
        this.context = context;
    }

    /**
     * One request to send.
     *
     * @param method  its method
     * @param uri     its path and query
     * @param headers its headers
     * @param body    its body, or {@code null}
     */
    record Call(HttpMethod method, String uri, MultiMap headers, Buffer body) {
    }

    /**
     * What one run measured.
     *
     * @param name      what was called
     * @param completed the requests answered with the expected status
     * @param failed    the others
     * @param nanos     how long the run took
     * @param latency   the latencies of the completed requests, in microseconds
     */
    record Result(String name, long completed, long failed, long nanos, Histogram latency) {
        /** Completed requests per second. */
        double throughput() {
            return completed * 1e9 / nanos;
        }

        /** A latency percentile in milliseconds. */
        double percentileMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /**
     * Sends {@code requests} calls to the port, {@code concurrency} at a time, for at most {@code maxMillis}.
     *
     * @param calls    the call of the i-th request
     * @param expected the status of a good answer
     */
    Future<Result> run(String name, int port, IntFunction<Call> calls, int expected, int requests, int concurrency,
                       long maxMillis) {
        Run run = new Run(name, port, calls, expected, requests, TimeUnit.MILLISECONDS.toNanos(maxMillis),
                concurrency);
        context.runOnContext(start -> {
            for (int i = 0; i < concurrency; i++) {
                run.next();
            }
        });
        return run.done.future();
    }

    /** The state one run's requests share. */
    private final class Run {
        private final String name;
        private final int port;
        private final IntFunction<Call> calls;
        private final int expected;
        private final int requests;
        private final long start = System.nanoTime();
        private final long deadline;
        private final AtomicInteger issued = new AtomicInteger();
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicInteger running;
        private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final Promise<Result> done = Promise.promise();

        Run(String name, int port, IntFunction<Call> calls, int expected, int requests, long maxNanos,
            int concurrency) {
            this.name = name;
            this.port = port;
            this.calls = calls;
            this.expected = expected;
            this.requests = requests;
            this.deadline = start + maxNanos;
            this.running = new AtomicInteger(concurrency);
        }

        void next() {
            int index = issued.getAndIncrement();
            if (index >= requests || System.nanoTime() > deadline) {
                if (running.decrementAndGet() == 0) {
                    done.complete(new Result(name, completed.get(), failed.get(), System.nanoTime() - start,
                            latency));
                }
                return;
            }
            long began = System.nanoTime();
            Future<Boolean> answered;
            try {
                Call call = calls.apply(index);
                // each request gets its own headers: the client may add to them while another request is built
                RequestOptions options = new RequestOptions().setMethod(call.method()).setHost("127.0.0.1")
                        .setPort(port).setURI(call.uri())
                        .setHeaders(MultiMap.caseInsensitiveMultiMap().addAll(call.headers()))
                        .setIdleTimeout(REQUEST_IDLE_TIMEOUT_MILLIS);
                answered = client.request(options)
                        .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                        .compose(response -> response.body().map(body -> response.statusCode() == expected));
            } catch (RuntimeException unsent) {
                answered = Future.failedFuture(unsent);
            }
            answered.onComplete(answer -> {
                if (answer.succeeded() && answer.result()) {
                    synchronized (latency) {
                        latency.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
                    }
                    completed.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                context.runOnContext(again -> next());
            });
        }
    }
}
