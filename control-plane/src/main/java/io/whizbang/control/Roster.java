package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.operations.ControlAddresses;
import io.whizbang.operations.ControlAgent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services whose control agents said hello and not yet goodbye: the ones a broadcast command expects an answer
 * from. On start it calls the roll, so agents that started before the control plane are known too; an agent not heard
 * from for {@value #EXPIRY_MILLIS} ms (three and a half of its heartbeats) died without a goodbye and is forgotten.
 */
final class Roster {
    /**
     * One running service instance.
     *
     * @param service  its name
     * @param instance its agent's id
     * @param since    when it said hello
     */
    record Member(String service, String instance, Instant since) {
        JsonObject toJson() {
            return new JsonObject().put("service", service).put("instance", instance).put("since", since.toString());
        }
    }

    /** How long an agent stays on the roster without a hello or an answer. */
    static final long EXPIRY_MILLIS = ControlAgent.HEARTBEAT_MILLIS * 7 / 2;

    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
    private final Clock clock;
    private MessageConsumer<JsonObject> consumer;

    Roster() {
        this(Clock.systemUTC());
    }

    Roster(Clock clock) {
        this.clock = clock;
    }
    Future<Void> start(Vertx vertx, ControlAddresses addresses) {
        consumer = vertx.eventBus().consumer(addresses.roster(), message -> {
            JsonObject body = message.body();
            String instance = body.getString("instance");
            if (instance == null) {
                return;
            }
            switch (body.getString("type", "")) {
                case "hello" -> {
                    members.putIfAbsent(instance, new Member(body.getString("service", "unknown"), instance,
                            clock.instant()));
                    lastHeard.put(instance, clock.millis());
                }
                case "goodbye" -> {
                    members.remove(instance);
                    lastHeard.remove(instance);
                }
                default -> {
                    // roll calls are for the agents
                }
            }
        });
        return consumer.completion().onSuccess(v -> vertx.eventBus().publish(addresses.roster(),
                new JsonObject().put("type", "roll-call")));
    }

    Future<Void> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /** Notes a member that answered without having been seen saying hello. */
    void saw(String service, String instance) {
        members.putIfAbsent(instance, new Member(service, instance, clock.instant()));
        lastHeard.put(instance, clock.millis());
    }

    /** The members now, by service then instance. */
    List<Member> members() {
        long forgetBefore = clock.millis() - EXPIRY_MILLIS;
        lastHeard.forEach((instance, heard) -> {
            if (heard < forgetBefore) {
                members.remove(instance);
                lastHeard.remove(instance, heard);
            }
        });
        List<Member> all = new ArrayList<>(members.values());
        all.sort(Comparator.comparing(Member::service).thenComparing(Member::instance));
        return all;
    }

    /** When the instance was last heard from, in the clock's milliseconds, or {@code null}. */
    Long lastHeard(String instance) {
        return lastHeard.get(instance);
    }

    JsonArray toJson() {
        JsonArray array = new JsonArray();
        members().forEach(member -> array.add(member.toJson()));
        return array;
    }
}
