package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.PermanentException;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.metrics.CommandHandled;
import io.whizbang.security.Principal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The message journeys: every message of one correlation id drawn as a tree (request, command, its events, the
 * perspectives and sagas that consume them, the commands those sagas sent, and so on), from the ledger's events and
 * the journal of handled commands; and the search for journeys by message id, tenant, type and time.
 */
final class Journeys {
    private static final int MAX_EVENTS = 1000;
    private static final int MAX_JOURNEYS = 50;

    private final LedgerScan scan;
    private final CommandJournal journal;
    private final FlowMap flowMap;

    Journeys(LedgerScan scan, CommandJournal journal, FlowMap flowMap) {
        this.scan = scan;
        this.journal = journal;
        this.flowMap = flowMap;
    }

    /**
     * The criteria of a search; every one optional.
     */
    record Search(UUID correlationId, UUID messageId, String tenant, String type, Instant from, Instant to) {
        static Search of(String correlationId, String messageId, String tenant, String type, String from,
                         String to) {
            return new Search(uuid("correlationId", correlationId), uuid("messageId", messageId), tenant, type,
                    instant("from", from), instant("to", to));
        }

        boolean matches(String eventTenant, String eventType, Instant at) {
            return (tenant == null || tenant.equals(eventTenant)) && (type == null || type.equals(eventType))
                    && (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
        }
    }

    /** Journeys matching the search, newest first; a correlation or message id gives that one journey's tree. */
    Future<JsonObject> search(Principal admin, Search search) {
        if (search.correlationId() != null) {
            return tree(admin, search.correlationId());
        }
        if (search.messageId() != null) {
            return correlationOf(admin, search.messageId()).compose(found -> found == null
                    ? Future.failedFuture(PermanentException.notFound("no message " + search.messageId()
                    + " among the ledger's newest events or the handled commands"))
                    : tree(admin, found));
        }
        Map<UUID, JsonObject> journeys = new LinkedHashMap<>();
        for (CommandHandled command : journal.matching(c -> Scope.sees(admin, c.tenant())
                && search.matches(c.tenant(), c.type(), c.receivedAt()))) {
            note(journeys, command.correlationId(), command.tenant(), command.type(), command.receivedAt(),
                    command.failure() != null);
        }
        return scan.visit(LedgerScan.Visitor.all(event -> {
            if (Scope.sees(admin, event.tenant()) && search.matches(event.tenant(), event.type(),
                    event.timestamp())) {
                note(journeys, correlationOf(event), event.tenant(), event.type(), event.timestamp(), false);
            }
        })).map(head -> {
            List<JsonObject> newestFirst = new ArrayList<>(journeys.values());
            newestFirst.sort((a, b) -> b.getString("lastAt").compareTo(a.getString("lastAt")));
            return new JsonObject().put("journeys", new JsonArray(newestFirst.subList(0,
                    Math.min(MAX_JOURNEYS, newestFirst.size()))));
        });
    }

    private static void note(Map<UUID, JsonObject> journeys, UUID correlationId, String tenant, String type,
                             Instant at, boolean failed) {
        JsonObject journey = journeys.computeIfAbsent(correlationId, id -> new JsonObject()
                .put("correlationId", id.toString()).put("tenant", tenant).put("firstType", type)
                .put("firstAt", at.toString()).put("lastAt", at.toString()).put("messages", 0).put("failed", false));
        journey.put("messages", journey.getInteger("messages") + 1);
        if (at.toString().compareTo(journey.getString("lastAt")) > 0) {
            journey.put("lastAt", at.toString());
        }
        if (at.toString().compareTo(journey.getString("firstAt")) < 0) {
            journey.put("firstAt", at.toString()).put("firstType", type);
        }
        if (failed) {
            journey.put("failed", true);
        }
    }

    private Future<UUID> correlationOf(Principal admin, UUID messageId) {
        List<CommandHandled> commands = journal.matching(c -> c.messageId().equals(messageId)
                && Scope.sees(admin, c.tenant()));
        if (!commands.isEmpty()) {
            return Future.succeededFuture(commands.get(0).correlationId());
        }
        UUID[] found = new UUID[1];
        return scan.visit(event -> {
            if (event.eventId().equals(messageId) && Scope.sees(admin, event.tenant())) {
                found[0] = correlationOf(event);
                return false;
            }
            return true;
        }).map(head -> found[0]);
    }

    /** The tree of one journey. */
    Future<JsonObject> tree(Principal admin, UUID correlationId) {
        List<RecordedEvent> events = new ArrayList<>();
        return scan.visit(event -> {
            if (correlationOf(event).equals(correlationId) && Scope.sees(admin, event.tenant())) {
                events.add(event);
            }
            return events.size() < MAX_EVENTS;
        }).compose(head -> flowMap.load()).map(map -> {
            List<CommandHandled> commands = journal.ofCorrelation(correlationId).stream()
                    .filter(c -> Scope.sees(admin, c.tenant())).toList();
            if (events.isEmpty() && commands.isEmpty()) {
                throw PermanentException.notFound("no journey with correlation id " + correlationId
                        + " among the ledger's newest events or the handled commands");
            }
            return new JsonObject().put("correlationId", correlationId.toString())
                    .put("root", JourneyTree.build(correlationId, commands, events, map));
        });
    }

    static UUID correlationOf(RecordedEvent event) {
        String id = event.metadata().getString("correlationId");
        try {
            return id == null ? event.eventId() : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return event.eventId();
        }
    }

    private static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw PermanentException.invalid(name + " must be a UUID, was \"" + value + "\"");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw PermanentException.invalid(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, was \""
                    + value + "\"");
        }
    }

}
