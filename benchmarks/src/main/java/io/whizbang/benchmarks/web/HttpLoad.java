package io.whizbang.benchmarks.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import com.sun.management.OperatingSystemMXBean;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A closed-loop HTTP/1.1 load generator: a fixed number of requests, a fixed number in flight on keep-alive
 * connections, stopped early when its time is up; latencies into an HdrHistogram. An answer counts as completed when
 * its status is 200 and its body passes the check, else as failed.
 */
final class HttpLoad {
    /** How long a request may go without an answer before it counts as failed. */
    static final long REQUEST_TIMEOUT_MILLIS = 10_000;
    /** The contexts (on distinct event loops where there are enough) the requests are made from. */
    static final int CONTEXTS = 2;
    /** Where the process's CPU time is read. */
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Vertx vertx;
    private final HttpClient client;

    HttpLoad(Vertx vertx, HttpClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    /**
     * One kind of request.
     *
     * @param method  its method
     * @param port    the server's port
     * @param uri     its path and query
     * @param headers its headers
     * @param body    its body, or {@code null}
     * @param check   what a good answer's body looks like
     */
    record Target(HttpMethod method, int port, String uri, MultiMap headers, Buffer body, Predicate<Buffer> check) {
    }

    /**
     * What one run measured.
     *
     * @param name      what was called
     * @param completed the requests answered well
     * @param failed    the requests answered otherwise
     * @param nanos     how long the run took
     * @param cpuNanos  the CPU time the whole process (generator, servers, back end) spent meanwhile
     * @param latency   the latencies of the answered requests, in microseconds
     */
    record Result(String name, long completed, long failed, long nanos, long cpuNanos, Histogram latency) {
        /** Requests answered well per second. */
        double throughput() {
            return completed * 1e9 / nanos;
        }
    }

    /** Runs {@code requests} requests, {@code concurrency} at a time, for at most {@code maxMillis}. */
    Future<Result> run(String name, Target target, int requests, int concurrency, long maxMillis) {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicInteger issued = new AtomicInteger();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger running = new AtomicInteger(concurrency);
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        Promise<Result> done = Promise.promise();
        Runnable finished = () -> {
            if (running.decrementAndGet() == 0) {
                done.complete(new Result(name, completed.get(), failed.get(), System.nanoTime() - start,
                        PROCESS.getProcessCpuTime() - cpuStart, latency));
            }
        };
        Loop loop = new Loop(target, requests, deadline, issued, completed, failed, latency, finished);
        // Each request is made and answered on one context, so that its body handler is always set before its
        // body can arrive; the contexts spread over the generator's event loops.
        Context[] contexts = new Context[CONTEXTS];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = vertx.getOrCreateContext();
        }
        for (int i = 0; i < concurrency; i++) {
            Context context = contexts[i % contexts.length];
            context.runOnContext(v -> loop.next(context));
        }
        return done.future();
    }

    private static String name(Throwable cause) {
        return cause == null ? "first failure: a bad status or body" : "first failure: " + cause;
    }

    /** The state one run's requests share. */
    private final class Loop {
        private final Target target;
        private final int requests;
        private final long deadline;
        private final AtomicInteger issued;
        private final AtomicLong completed;
        private final AtomicLong failed;
        private final Histogram latency;
        private final Runnable finished;

        Loop(Target target, int requests, long deadline, AtomicInteger issued, AtomicLong completed,
             AtomicLong failed, Histogram latency, Runnable finished) {
            this.target = target;
            this.requests = requests;
            this.deadline = deadline;
            this.issued = issued;
            this.completed = completed;
            this.failed = failed;
            this.latency = latency;
            this.finished = finished;
        }

        void next(Context context) {
            if (issued.getAndIncrement() >= requests || System.nanoTime() > deadline) {
                finished.run();
                return;
            }
            long began = System.nanoTime();
            RequestOptions options = new RequestOptions().setMethod(target.method()).setHost("127.0.0.1")
                    .setPort(target.port()).setURI(target.uri()).setHeaders(target.headers())
                    .setIdleTimeout(REQUEST_TIMEOUT_MILLIS).setConnectTimeout(REQUEST_TIMEOUT_MILLIS);
            Promise<Boolean> answered = Promise.promise();
            String[] phase = {"waiting for a connection"};
            long watchdog = context.owner().setTimer(2 * REQUEST_TIMEOUT_MILLIS, id -> answered.tryFail(
                    "no answer within " + 2 * REQUEST_TIMEOUT_MILLIS + " ms, " + phase[0]));
            client.request(options)
                    .compose(request -> {
                        phase[0] = "sending";
                        return target.body() == null ? request.send() : request.send(target.body());
                    })
                    .compose(response -> {
                        phase[0] = "reading the body of a " + response.statusCode();
                        return response.body().map(body -> response.statusCode() == 200
                                && target.check().test(body));
                    })
                    .onComplete(answered::tryComplete, answered::tryFail);
            answered.future()
                    .onComplete(v -> context.owner().cancelTimer(watchdog))
                    .onComplete(answer -> {
                        try {
                            if (answer.succeeded() && answer.result()) {
                                synchronized (latency) {
                                    latency.recordValue(Math.min(latency.getHighestTrackableValue(),
                                            Math.max(1, (System.nanoTime() - began) / 1000)));
                                }
                                completed.incrementAndGet();
                            } else if (failed.incrementAndGet() == 1) {
                                System.err.println(name(answer.cause()));
                            }
                        } finally {
                            // never recursively: an answer that is already there would deepen the stack
                            context.runOnContext(v -> next(context));
                        }
                    });
        }
    }
}
