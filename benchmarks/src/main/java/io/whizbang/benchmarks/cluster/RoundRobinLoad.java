package io.whizbang.benchmarks.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP/1.1 load generator over several servers on loopback: a fixed number of requests with a fixed
 * number in flight on kept-alive connections, the i-th request going to the (i mod n)-th port, stopped early when
 * its time is up; each latency (send to last body byte) goes into an HdrHistogram. An answer with the expected status
 * counts as completed, any other as failed.
 */
final class RoundRobinLoad {
    /** A request with no answer for this long fails, so that a round always ends. */
    private static final long REQUEST_IDLE_TIMEOUT_MILLIS = 10_000;

    private final HttpClient client;
    private final Context context;

    /** A generator sending with the client from the context, one of the load generator's event loops. */
    RoundRobinLoad(HttpClient client, Context context) {
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
     * @param completed the requests answered with the expected status
     * @param failed    the others
     * @param nanos     how long the run took
     * @param latency   the latencies of the completed requests, in microseconds
     * @param lastBody  the body of the last completed answer, or {@code null}
     * @param failure   what the first failed request got (status and body, or the error), or {@code null}
     */
    record Result(long completed, long failed, long nanos, Histogram latency, Buffer lastBody, String failure) {
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
     * Sends {@code requests} calls spread round-robin over the ports, {@code concurrency} at a time, for at most
     * {@code maxMillis}.
     *
     * @param calls    the call of the i-th request
     * @param expected the status of a good answer
     */
    Future<Result> run(List<Integer> ports, IntFunction<Call> calls, int expected, int requests, int concurrency,
                       long maxMillis) {
        Run run = new Run(List.copyOf(ports), calls, expected, requests, TimeUnit.MILLISECONDS.toNanos(maxMillis),
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
        private final List<Integer> ports;
        private final IntFunction<Call> calls;
        private final int expected;
        private final int requests;
        private final long start = System.nanoTime();
        private final long deadline;
        private final AtomicInteger issued = new AtomicInteger();
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicInteger running;
        private final AtomicReference<Buffer> lastBody = new AtomicReference<>();
        private final AtomicReference<String> failure = new AtomicReference<>();
        private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final Promise<Result> done = Promise.promise();

        Run(List<Integer> ports, IntFunction<Call> calls, int expected, int requests, long maxNanos,
            int concurrency) {
            this.ports = ports;
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
                    done.complete(new Result(completed.get(), failed.get(), System.nanoTime() - start, latency,
                            lastBody.get(), failure.get()));
                }
                return;
            }
            long began = System.nanoTime();
            Future<Buffer> answered;
            try {
                Call call = calls.apply(index);
                // each request gets its own headers: the client may add to them while another request is built
                RequestOptions options = new RequestOptions().setMethod(call.method()).setHost("127.0.0.1")
                        .setPort(ports.get(index % ports.size())).setURI(call.uri())
                        .setHeaders(MultiMap.caseInsensitiveMultiMap().addAll(call.headers()))
                        .setIdleTimeout(REQUEST_IDLE_TIMEOUT_MILLIS);
                answered = client.request(options)
                        .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                        .compose(response -> response.body().map(body -> {
                            if (response.statusCode() == expected) {
                                return body;
                            }
                            failure.compareAndSet(null, response.statusCode() + " " + body);
                            return null;
                        }));
            } catch (RuntimeException unsent) {
                answered = Future.failedFuture(unsent);
            }
            answered.onComplete(answer -> {
                if (answer.succeeded() && answer.result() != null) {
                    synchronized (latency) {
                        latency.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
                    }
                    lastBody.set(answer.result());
                    completed.incrementAndGet();
                } else {
                    if (answer.failed()) {
                        failure.compareAndSet(null, String.valueOf(answer.cause()));
                    }
                    failed.incrementAndGet();
                }
                context.runOnContext(again -> next());
            });
        }
    }
}
