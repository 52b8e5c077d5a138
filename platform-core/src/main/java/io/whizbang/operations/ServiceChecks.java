package io.whizbang.operations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The health checks of one Vert.x instance, which the {@link ControlAgent} runs when the control plane asks: a check
 * that succeeds is {@code UP}, one that fails or does not finish in time is {@code DOWN} with the reason.
 */
public final class ServiceChecks implements Shareable {
    private static final String KEY = "service-checks";

    private final Map<String, HealthCheck> checks = new ConcurrentHashMap<>();

    /**
     * One health check.
     */
    @FunctionalInterface
    public interface HealthCheck {
        /** Succeeds when what it checks is healthy; fails with the reason when not. */
        Future<?> check();
    }

    private ServiceChecks() {
    }

    /** The checks of the Vert.x instance. */
    public static ServiceChecks of(Vertx vertx) {
        LocalMap<String, Object> map = OperationsMap.of(vertx);
        Object existing = map.get(KEY);
        if (existing == null) {
            existing = map.putIfAbsent(KEY, new ServiceChecks());
            if (existing == null) {
                existing = map.get(KEY);
            }
        }
        return (ServiceChecks) existing;
    }

    /** Registers a check under a name; the answer unregisters it. */
    public Runnable register(String name, HealthCheck check) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        checks.put(name, check);
        return () -> checks.remove(name, check);
    }

    /** The registered checks, by name. */
    public Map<String, HealthCheck> all() {
        return new TreeMap<>(checks);
    }
}
