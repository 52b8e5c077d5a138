package io.whizbang.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import io.whizbang.error.ErrorCode;

/**
 * What the runtime reports about the work it does, for metrics and for the dashboard's message journeys. Every
 * method has a no-op default; the default instance does nothing, and a launcher installs a real one (the control
 * plane's Micrometer meters) with {@link #install}.
 *
 * <p>Implementations are called on event loops: they must be quick and must not throw.
 */
public interface WhizbangMeters extends Shareable {
    /** The meters that record nothing. */
    WhizbangMeters NONE = new WhizbangMeters() {
    };

    /** A command was handled, or refused. */
    default void commandHandled(CommandHandled handled) {
    }

    /**
     * A query was answered, or refused.
     *
     * @param tenant  the tenant asking
     * @param type    the query's type name
     * @param nanos   how long it took
     * @param failure the error code, or {@code null} when it was answered
     */
    default void queryHandled(String tenant, String type, long nanos, ErrorCode failure) {
    }

    /**
     * A command's events were appended to the ledger.
     *
     * @param tenant the tenant
     * @param events how many
     * @param nanos  how long the ledger's append took
     */
    default void appended(String tenant, int events, long nanos) {
    }

    /** The meters installed on the Vert.x instance, or {@link #NONE}. */
    static WhizbangMeters of(Vertx vertx) {
        Object meters = vertx.sharedData().getLocalMap(MetersKey.MAP).get(MetersKey.KEY);
        return meters == null ? NONE : (WhizbangMeters) meters;
    }

    /** Installs the meters that the runtime on this Vert.x instance reports to from now on. */
    static void install(Vertx vertx, WhizbangMeters meters) {
        vertx.sharedData().getLocalMap(MetersKey.MAP).put(MetersKey.KEY, meters);
    }
}
