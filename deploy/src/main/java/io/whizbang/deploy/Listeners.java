package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.control.ControlPlaneOptions;
import io.whizbang.control.ControlPlaneVerticle;
import io.whizbang.gateway.desktop.DesktopGatewayOptions;
import io.whizbang.gateway.desktop.DesktopGatewayVerticle;
import io.whizbang.gateway.mobile.MobileGatewayOptions;
import io.whizbang.gateway.mobile.MobileGatewayVerticle;
import io.whizbang.gateway.web.WebGatewayOptions;
import io.whizbang.gateway.web.WebGatewayVerticle;
import io.whizbang.security.TokenVerifierOptions;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The services of a launcher process that listen on a port: the three gateways and the control plane. Each is its
 * own verticle, deployed when selected, reaching the ledger and the projections only through the event bus.
 */
final class Listeners {
    /** One deployed listener: its deployment and the port it actually listens on. */
    record Listener(String deployment, int port) {
    }

    private final Vertx vertx;
    private final RunOptions options;
    private final TokenVerifierOptions tokens;
    private final Map<Service, Listener> started = new EnumMap<>(Service.class);

    Listeners(Vertx vertx, RunOptions options, TokenVerifierOptions tokens) {
        this.vertx = vertx;
        this.options = options;
        this.tokens = tokens;
    }

    /** Deploys every selected listener, one after the other, so the first that cannot bind fails the start. */
    Future<Void> start() {
        Future<Void> chain = Future.succeededFuture();
        for (Service service : Service.values()) {
            if (service.port() != 0 && options.runs(service)) {
                chain = chain.compose(done -> deploy(service));
            }
        }
        return chain;
    }

    private Future<Void> deploy(Service service) {
        String prefix = options.getDispatcherOptions().getAddressPrefix();
        String host = options.getHost();
        int port = options.getPort(service);
        String readiness = options.getDispatcherOptions().commandAddress();
        return switch (service) {
            case WEB -> {
                WebGatewayVerticle verticle = new WebGatewayVerticle(new WebGatewayOptions().setHost(host)
                        .setPort(port).setReadinessAddress(readiness).setTokenVerifier(tokens)
                        .setDispatcher(options.getDispatcherOptions()));
                yield deploy(service, verticle, verticle::actualPort);
            }
            case MOBILE -> {
                MobileGatewayVerticle verticle = new MobileGatewayVerticle(new MobileGatewayOptions().setHost(host)
                        .setPort(port).setReadinessAddress(readiness).setTokens(tokens).setAddressPrefix(prefix));
                yield deploy(service, verticle, verticle::actualPort);
            }
            case DESKTOP -> {
                DesktopGatewayVerticle verticle = new DesktopGatewayVerticle(new DesktopGatewayOptions()
                        .setHost(host).setPort(port).setReadinessAddress(readiness).setTokens(tokens)
                        .setAddressPrefix(prefix));
                yield deploy(service, verticle, verticle::actualPort);
            }
            case CONTROL -> {
                ControlPlaneVerticle verticle = new ControlPlaneVerticle(new ControlPlaneOptions().setHost(host)
                        .setPort(port).setReadinessAddress(readiness).setTokens(tokens).setAddressPrefix(prefix)
                        .setDataDir(options.getDataDir().resolve("control").toString()));
                yield deploy(service, verticle, verticle::actualPort);
            }
            case LEDGER, PROJECTIONS -> Future.succeededFuture();
        };
    }

    private Future<Void> deploy(Service service, io.vertx.core.Deployable verticle, IntSupplier port) {
        return vertx.deployVerticle(verticle).<Void>map(id -> {
            started.put(service, new Listener(id, port.getAsInt()));
            return null;
        }).recover(cause -> Future.failedFuture(new IllegalStateException("the " + service.id() + " service"
                + " could not listen on " + options.getHost() + ":" + options.getPort(service) + ": "
                + cause.getMessage(), cause)));
    }

    /** The port the service listens on, or -1 when it is not running here. */
    int port(Service service) {
        Listener listener = started.get(service);
        return listener == null ? -1 : listener.port();
    }

    /** Undeploys every listener. */
    Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        for (Listener listener : started.values()) {
            chain = chain.compose(done -> vertx.undeploy(listener.deployment()));
        }
        return chain.onComplete(done -> started.clear());
    }
}
