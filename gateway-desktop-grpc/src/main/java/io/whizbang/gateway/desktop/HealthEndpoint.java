package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.vertx.grpc.health.v1.HealthListRequest;
import io.vertx.grpc.health.v1.HealthListResponse;
import io.vertx.grpc.health.v1.HealthProto;
import io.vertx.grpc.server.Service;
import io.whizbang.error.PermanentException;
import io.whizbang.health.ReadinessProbe;

import java.util.List;

/**
 * The standard {@code grpc.health.v1.Health} service ({@code Check}, {@code Watch}, {@code List}), whose answer
 * follows the gateway's readiness: {@code SERVING} only while the dispatcher answers on the event bus.
 *
 * <p>The overall status (service name {@code ""}) and the sample's services follow the readiness probe; the health
 * and reflection services themselves are always {@code SERVING}. Anyone may ask: health carries no tenant data.
 * {@code Watch} checks again at the configured interval and sends a message only when the status changes.
 */
final class HealthEndpoint {
    /** The health service's name. */
    static final ServiceName NAME = ServiceName.create("grpc.health.v1.Health");

    static final ServiceMethod<HealthCheckRequest, HealthCheckResponse> CHECK = ServiceMethod.server(NAME, "Check",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckRequest.newBuilder()));
    static final ServiceMethod<HealthCheckRequest, HealthCheckResponse> WATCH = ServiceMethod.server(NAME, "Watch",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckRequest.newBuilder()));
    static final ServiceMethod<HealthListRequest, HealthListResponse> LIST = ServiceMethod.server(NAME, "List",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthListRequest.newBuilder()));

    private final Vertx vertx;
    private final ReadinessProbe probe;
    private final List<String> probedServices;
    private final List<String> alwaysServing;
    private final long watchIntervalMillis;

    private HealthEndpoint(Vertx vertx, ReadinessProbe probe, List<String> probedServices, List<String> alwaysServing,
                           long watchIntervalMillis) {
        this.vertx = vertx;
        this.probe = probe;
        this.probedServices = probedServices;
        this.alwaysServing = alwaysServing;
        this.watchIntervalMillis = watchIntervalMillis;
    }

    /**
     * The health service: the probed services (and {@code ""}) follow the probe, the always-serving ones do not.
     */
    static Service service(Vertx vertx, CallHandlers handlers, ReadinessProbe probe, List<String> probedServices,
                           List<String> alwaysServing, long watchIntervalMillis) {
        HealthEndpoint health = new HealthEndpoint(vertx, probe, probedServices, alwaysServing, watchIntervalMillis);
        return Service.service(NAME, HealthProto.getDescriptor().findServiceByName("Health"))
                .bind(CHECK, handlers.anonymous(CHECK, health::check))
                .bind(WATCH, handlers.anonymousStreaming(WATCH, health::watch))
                .bind(LIST, handlers.anonymous(LIST, health::list))
                .build();
    }

    private Future<HealthCheckResponse> check(HealthCheckRequest request) {
        return status(request.getService()).compose(status -> status == ServingStatus.SERVICE_UNKNOWN
                ? Future.failedFuture(PermanentException.notFound("no service " + request.getService()
                + " is served here"))
                : Future.succeededFuture(answer(status)));
    }

    private Future<HealthListResponse> list(HealthListRequest request) {
        HealthListResponse.Builder list = HealthListResponse.newBuilder();
        alwaysServing.forEach(name -> list.putStatuses(name, answer(ServingStatus.SERVING)));
        return status("").map(status -> {
            probedServices.forEach(name -> list.putStatuses(name, answer(status)));
            return list.build();
        });
    }

    private Future<Void> watch(HealthCheckRequest request, GrpcCall<HealthCheckRequest, HealthCheckResponse> call) {
        Promise<Void> endless = Promise.promise();
        long[] timer = {-1};
        call.onClose(() -> {
            vertx.cancelTimer(timer[0]);
            endless.tryComplete();
        });
        call.open();
        watchFrom(request.getService(), null, call, timer);
        return endless.future();
    }

    private void watchFrom(String service, ServingStatus last, GrpcCall<HealthCheckRequest, HealthCheckResponse> call,
                           long[] timer) {
        status(service).onSuccess(status -> {
            if (!call.isOpen()) {
                return;
            }
            if (status != last) {
                call.write(answer(status));
            }
            timer[0] = vertx.setTimer(watchIntervalMillis, id -> watchFrom(service, status, call, timer));
        });
    }

    private Future<ServingStatus> status(String service) {
        if (alwaysServing.contains(service)) {
            return Future.succeededFuture(ServingStatus.SERVING);
        }
        if (!service.isEmpty() && !probedServices.contains(service)) {
            return Future.succeededFuture(ServingStatus.SERVICE_UNKNOWN);
        }
        return probe.check().map(readiness -> readiness.ready() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
    }

    private static HealthCheckResponse answer(ServingStatus status) {
        return HealthCheckResponse.newBuilder().setStatus(status).build();
    }
}
