package io.whizbang.http;

import io.vertx.core.json.JsonObject;
import io.whizbang.dispatch.DispatcherOptions;

/**
 * Options every HTTP-facing service shares: where it listens and how it decides that it is ready.
 *
 * <p>Each service has its own subclass that fixes its default port, so setters chain on the subclass's type.
 *
 * @param <T> the subclass
 */
public abstract class HttpServiceOptions<T extends HttpServiceOptions<T>> {
    /** Default interface to listen on: all of them. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** Default address whose consumer makes the service ready: the dispatcher's command address. */
    public static final String DEFAULT_READINESS_ADDRESS = new DispatcherOptions().commandAddress();
    /** Default time the readiness check waits for the dispatcher's answer. */
    public static final long DEFAULT_READINESS_TIMEOUT_MILLIS = 2000;

    private String host = DEFAULT_HOST;
    private int port;
    private String readinessAddress = DEFAULT_READINESS_ADDRESS;
    private long readinessTimeoutMillis = DEFAULT_READINESS_TIMEOUT_MILLIS;

    protected HttpServiceOptions(int defaultPort) {
        setPort(defaultPort);
    }

    protected HttpServiceOptions(JsonObject json, int defaultPort) {
        setHost(json.getString("host", DEFAULT_HOST));
        setPort(json.getInteger("port", defaultPort));
        setReadinessAddress(json.getString("readinessAddress", DEFAULT_READINESS_ADDRESS));
        setReadinessTimeoutMillis(json.getLong("readinessTimeoutMillis", DEFAULT_READINESS_TIMEOUT_MILLIS));
    }

    /** This object as its subclass, for chaining. */
    protected abstract T self();

    public String getHost() {
        return host;
    }

    /** Sets the interface to listen on. */
    public T setHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        this.host = host;
        return self();
    }

    public int getPort() {
        return port;
    }

    /** Sets the port to listen on; 0 picks a free one, which tests read back from the running service. */
    public T setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        this.port = port;
        return self();
    }

    public String getReadinessAddress() {
        return readinessAddress;
    }

    /** Sets the event-bus address that must have a consumer for the service to be ready. */
    public T setReadinessAddress(String readinessAddress) {
        if (readinessAddress == null || readinessAddress.isBlank()) {
            throw new IllegalArgumentException("readinessAddress must not be blank");
        }
        this.readinessAddress = readinessAddress;
        return self();
    }

    public long getReadinessTimeoutMillis() {
        return readinessTimeoutMillis;
    }

    /** Sets how long the readiness check waits for an answer before it reports not ready. */
    public T setReadinessTimeoutMillis(long readinessTimeoutMillis) {
        if (readinessTimeoutMillis < 1) {
            throw new IllegalArgumentException("readinessTimeoutMillis must be positive, was "
                    + readinessTimeoutMillis);
        }
        this.readinessTimeoutMillis = readinessTimeoutMillis;
        return self();
    }

    public JsonObject toJson() {
        return new JsonObject().put("host", host).put("port", port).put("readinessAddress", readinessAddress)
                .put("readinessTimeoutMillis", readinessTimeoutMillis);
    }
}
