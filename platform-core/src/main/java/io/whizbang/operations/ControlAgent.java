package io.whizbang.operations;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The control plane's hand inside every service: it answers each broadcast {@link ControlCommand} with a
 * {@link ControlAnswer} (set a logger's level, flip a feature flag, clear a named cache, run the health checks,
 * rebuild a perspective it runs), says hello on the roster when it starts, again every {@value #HEARTBEAT_MILLIS} ms,
 * and goodbye when it stops, and loads the persisted feature flags from the control plane when one answers.
 *
 * <pre>{@code
 * ControlAgent.create(vertx, "projections").rebuilder(myRebuilder).start();
 * }</pre>
 */
public final class ControlAgent {
    private static final Logger LOG = Logger.getLogger(ControlAgent.class.getName());
    /** How long a starting agent waits for the control plane's persisted flags. */
    private static final long FLAGS_TIMEOUT_MILLIS = 2000;
    /**
     * How often a running agent says hello again, so that the control plane forgets an agent that died without
     * saying goodbye.
     */
    public static final long HEARTBEAT_MILLIS = 10_000;

    private final Vertx vertx;
    private final String service;
    private final String instance = UUID.randomUUID().toString();
    private ControlAddresses addresses = ControlAddresses.defaults();
    private LogLevels logLevels = LogLevels.javaLogging();
    private PerspectiveRebuilder rebuilder;
    private MessageConsumer<JsonObject> commands;
    private MessageConsumer<JsonObject> roster;
    private long heartbeat = -1;

    private ControlAgent(Vertx vertx, String service) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** An agent for the named service; call {@link #start()} once configured. */
    public static ControlAgent create(Vertx vertx, String service) {
        return new ControlAgent(vertx, service);
    }

    /** Uses the addresses of another prefix. */
    public ControlAgent addresses(ControlAddresses addresses) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        return this;
    }

    /** Sets loggers' levels with another logging system. */
    public ControlAgent logLevels(LogLevels logLevels) {
        this.logLevels = Objects.requireNonNull(logLevels, "logLevels");
        return this;
    }

    /** Lets rebuild commands reach the perspectives this service runs. */
    public ControlAgent rebuilder(PerspectiveRebuilder rebuilder) {
        this.rebuilder = rebuilder;
        return this;
    }

    /** The service's name. */
    public String service() {
        return service;
    }

    /** This agent's id. */
    public String instance() {
        return instance;
    }

    /** Listens for commands, says hello, and loads the persisted flags when the control plane answers in time. */
    public Future<ControlAgent> start() {
        commands = vertx.eventBus().consumer(addresses.broadcast(), this::onCommand);
        roster = vertx.eventBus().consumer(addresses.roster(), message -> {
            if ("roll-call".equals(message.body().getString("type"))) {
                announce("hello");
            }
        });
        return Future.all(commands.completion(), roster.completion())
                .compose(ready -> {
                    announce("hello");
                    heartbeat = vertx.setPeriodic(HEARTBEAT_MILLIS, id -> announce("hello"));
                    return loadFlags();
                })
                .map(this);
    }

    /** Says goodbye and stops listening. */
    public Future<Void> stop() {
        if (heartbeat >= 0) {
            vertx.cancelTimer(heartbeat);
        }
        announce("goodbye");
        return Future.all(commands == null ? Future.succeededFuture() : commands.unregister(),
                roster == null ? Future.succeededFuture() : roster.unregister()).mapEmpty();
    }

    private void announce(String type) {
        vertx.eventBus().publish(addresses.roster(), new JsonObject().put("type", type).put("service", service)
                .put("instance", instance).put("at", Instant.now().toString()));
    }

    private Future<Void> loadFlags() {
        return vertx.eventBus().<JsonObject>request(addresses.flags(), new JsonObject(),
                        new DeliveryOptions().setSendTimeout(FLAGS_TIMEOUT_MILLIS))
                .map(reply -> {
                    FeatureFlags.of(vertx).replaceAll(flagsOf(reply.body().getJsonObject("flags", new JsonObject())));
                    return (Void) null;
                })
                .otherwise(noControlPlane -> null);
    }

    private void onCommand(Message<JsonObject> message) {
        ControlCommand command;
        try {
            command = ControlCommand.fromJson(message.body());
        } catch (RuntimeException unreadable) {
            LOG.log(Level.WARNING, "ignoring an unreadable control command: " + unreadable.getMessage());
            return;
        }
        Future<ControlAnswer> answer;
        try {
            answer = apply(command);
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        answer.recover(failure -> Future.succeededFuture(failed(failure)))
                .onSuccess(reply -> vertx.eventBus().send(addresses.answers(command.id()), reply.toJson()));
    }

    private Future<ControlAnswer> apply(ControlCommand command) {
        JsonObject args = command.arguments();
        return switch (command.kind()) {
            case SET_LOG_LEVEL -> {
                String before = logLevels.set(args.getString("logger"), args.getString("level"));
                yield Future.succeededFuture(applied("logger " + args.getString("logger") + " set to "
                        + args.getString("level"), new JsonObject().put("previous", before)));
            }
            case SET_FLAG -> {
                FeatureFlags.of(vertx).set(args.getString("flag"), args.getBoolean("enabled", false));
                yield Future.succeededFuture(applied("flag " + args.getString("flag") + " is "
                        + (args.getBoolean("enabled", false) ? "on" : "off"), new JsonObject()));
            }
            case SYNC_FLAGS -> {
                FeatureFlags.of(vertx).replaceAll(flagsOf(args.getJsonObject("flags", new JsonObject())));
                yield Future.succeededFuture(applied("flags replaced", new JsonObject()));
            }
            case CLEAR_CACHE -> {
                String cache = args.getString("cache");
                yield NamedCaches.of(vertx).clear(cache)
                        .map(dropped -> Future.succeededFuture(applied("cache " + cache + " cleared",
                                new JsonObject().put("dropped", dropped))))
                        .orElseGet(() -> notApplicable("no cache named " + cache + " here"));
            }
            case HEALTH_CHECK -> health(command.deadlineMillis());
            case REBUILD -> rebuild(args.getString("perspective"));
        };
    }

    private Future<ControlAnswer> rebuild(String perspective) {
        if (rebuilder == null || perspective == null || !rebuilder.perspectives().contains(perspective)) {
            return notApplicable("perspective " + perspective + " does not run here");
        }
        return rebuilder.rebuild(perspective).map(report -> answer(ControlOutcome.APPLIED, null,
                "rebuild of " + perspective + " started", report));
    }

    private Future<ControlAnswer> health(long deadlineMillis) {
        Map<String, ServiceChecks.HealthCheck> checks = ServiceChecks.of(vertx).all();
        JsonObject statuses = new JsonObject();
        // answer a little before the sender's deadline, so a hung check reads DOWN rather than silent
        long budget = Math.max(1, deadlineMillis * 3 / 4);
        Future<?>[] runs = checks.entrySet().stream().map(entry -> within(entry.getValue(), budget)
                .andThen(done -> statuses.put(entry.getKey(), done.succeeded()
                        ? new JsonObject().put("status", "UP")
                        : new JsonObject().put("status", "DOWN").put("reason", String.valueOf(
                        done.cause().getMessage())))))
                .toArray(Future<?>[]::new);
        return Future.join(java.util.List.of(runs)).transform(all -> {
            boolean up = statuses.stream().allMatch(e -> "UP".equals(((JsonObject) e.getValue()).getString("status")));
            JsonObject detail = new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", statuses);
            return Future.succeededFuture(up ? applied(checks.size() + " checks UP", detail)
                    : answer(ControlOutcome.FAILED, ErrorCode.UNAVAILABLE, "a health check is DOWN", detail));
        });
    }

    private Future<?> within(ServiceChecks.HealthCheck check, long millis) {
        Promise<Object> promise = Promise.promise();
        long timer = vertx.setTimer(millis, id -> promise.tryFail("no answer within " + millis + " ms"));
        Future<?> run;
        try {
            run = check.check();
        } catch (RuntimeException e) {
            run = Future.failedFuture(e);
        }
        run.onComplete(done -> {
            vertx.cancelTimer(timer);
            if (done.succeeded()) {
                promise.tryComplete();
            } else {
                promise.tryFail(done.cause());
            }
        });
        return promise.future();
    }

    private static Map<String, Boolean> flagsOf(JsonObject json) {
        Map<String, Boolean> flags = new java.util.TreeMap<>();
        json.forEach(entry -> flags.put(entry.getKey(), Boolean.TRUE.equals(entry.getValue())));
        return flags;
    }

    private ControlAnswer applied(String message, JsonObject detail) {
        return answer(ControlOutcome.APPLIED, null, message, detail);
    }

    private Future<ControlAnswer> notApplicable(String message) {
        return Future.succeededFuture(answer(ControlOutcome.NOT_APPLICABLE, null, message, new JsonObject()));
    }

    private ControlAnswer failed(Throwable failure) {
        WhizbangException error = WhizbangException.wrap(failure);
        String message = error.code() == ErrorCode.INTERNAL ? "internal error in " + service : error.getMessage();
        if (error.code() == ErrorCode.INTERNAL) {
            LOG.log(Level.SEVERE, "control command failed in " + service, failure);
        }
        return answer(ControlOutcome.FAILED, error.code(), message, new JsonObject());
    }

    private ControlAnswer answer(ControlOutcome outcome, ErrorCode code, String message, JsonObject detail) {
        return new ControlAnswer(service, instance, outcome, code, message, detail);
    }
}
