package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Runs a service on one node of the cluster at a time: the node that holds the service's cluster-wide lock runs it;
 * the others stand by, trying for the lock, and the first to get it when the holder stops or leaves the cluster
 * (its locks are freed then) starts the service from its checkpoints. Without a cluster the lock is this JVM's,
 * so the service starts at once.
 *
 * @param <S> the running service
 */
final class ClusterSingleton<S> {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSingleton.class);
    /** How long one attempt waits for the lock. */
    static final long ATTEMPT_MILLIS = 1_000;

    /** How the service is started and stopped. */
    interface Service<S> {
        Future<S> start();

        Future<Void> stop(S running);
    }

    private final Vertx vertx;
    private final String name;
    private final Service<S> service;
    private volatile S running;
    private Lock lock;
    private boolean stopped;
    private Future<Void> firstAttempt;

    ClusterSingleton(Vertx vertx, String name, Service<S> service) {
        this.vertx = vertx;
        this.name = name;
        this.service = service;
    }

    /**
     * Tries once for the lock and completes when that attempt is over: with the service started here, or standing
     * by (then it keeps trying in the background). Fails only when the service could not start.
     */
    Future<Void> start() {
        firstAttempt = attempt();
        return firstAttempt;
    }

    private Future<Void> attempt() {
        return vertx.sharedData().getLockWithTimeout("whizbang.singleton." + name, ATTEMPT_MILLIS)
                .transform(acquired -> {
                    if (acquired.failed()) {
                        scheduleAttempt();
                        return Future.<Void>succeededFuture();
                    }
                    return startHolding(acquired.result());
                });
    }

    private synchronized Future<Void> startHolding(Lock acquired) {
        if (stopped) {
            acquired.release();
            return Future.succeededFuture();
        }
        lock = acquired;
        return service.start().map(started -> {
            running = started;
            LOG.info("{} run on this node", name);
            return (Void) null;
        }).onFailure(failure -> releaseLock());
    }

    private synchronized void scheduleAttempt() {
        if (!stopped) {
            vertx.setTimer(ATTEMPT_MILLIS, id -> attempt().onFailure(failure ->
                    LOG.error("{} could not start on this node after taking over: {}", name, failure.toString())));
        }
    }

    /** The service while it runs on this node, or null while another node runs it. */
    S running() {
        return running;
    }

    /** Stops the service if it runs here and frees the lock for another node; stops trying otherwise. */
    Future<Void> stop() {
        S current;
        synchronized (this) {
            stopped = true;
            current = running;
            running = null;
        }
        if (current == null) {
            releaseLock();
            return Future.succeededFuture();
        }
        return service.stop(current).eventually(() -> {
            releaseLock();
            return Future.succeededFuture();
        });
    }

    private synchronized void releaseLock() {
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }
}
