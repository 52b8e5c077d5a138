package io.whizbang.control;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.operations.ControlAnswer;
import io.whizbang.operations.ControlCommand;
import io.whizbang.operations.ControlOutcome;

import java.util.List;
import java.util.Objects;

/**
 * What came of one broadcast command: every answer gathered before the deadline and the services that did not
 * answer in time.
 *
 * @param command the command
 * @param answers the answers, in the order they arrived
 * @param silent  the roster members that did not answer before the deadline
 */
record ControlResult(ControlCommand command, List<ControlAnswer> answers, List<Roster.Member> silent) {
    ControlResult {
        Objects.requireNonNull(command, "command");
        answers = List.copyOf(answers);
        silent = List.copyOf(silent);
    }

    /** The answers with the outcome. */
    List<ControlAnswer> with(ControlOutcome outcome) {
        return answers.stream().filter(answer -> answer.outcome() == outcome).toList();
    }

    /** {@code ok} when every service that answered applied it or had nothing to do and none was silent. */
    String status() {
        if (!with(ControlOutcome.FAILED).isEmpty()) {
            return "failed";
        }
        return silent.isEmpty() ? "ok" : "partial";
    }

    JsonObject toJson() {
        JsonArray silentJson = new JsonArray();
        silent.forEach(member -> silentJson.add(member.toJson()));
        return new JsonObject().put("commandId", command.id()).put("kind", command.kind().wireName())
                .put("arguments", command.arguments()).put("status", status())
                .put("applied", answersJson(ControlOutcome.APPLIED))
                .put("failed", answersJson(ControlOutcome.FAILED))
                .put("notApplicable", answersJson(ControlOutcome.NOT_APPLICABLE))
                .put("silent", silentJson);
    }

    private JsonArray answersJson(ControlOutcome outcome) {
        JsonArray array = new JsonArray();
        with(outcome).forEach(answer -> array.add(answer.toJson()));
        return array;
    }
}
