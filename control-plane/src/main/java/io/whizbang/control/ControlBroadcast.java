package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.whizbang.operations.ControlAddresses;
import io.whizbang.operations.ControlAnswer;
import io.whizbang.operations.ControlCommand;
import io.whizbang.operations.ControlKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes a control command to every agent and gathers their answers until every roster member answered or the
 * deadline passed, whichever comes first: a service that does not answer is reported silent, never waited on.
 */
final class ControlBroadcast {
    private final Vertx vertx;
    private final ControlAddresses addresses;
    private final Roster roster;

    ControlBroadcast(Vertx vertx, ControlAddresses addresses, Roster roster) {
        this.vertx = vertx;
        this.addresses = addresses;
        this.roster = roster;
    }

    Future<ControlResult> send(ControlKind kind, JsonObject arguments, long deadlineMillis) {
        ControlCommand command = new ControlCommand(UUID.randomUUID().toString(), kind, arguments, deadlineMillis);
        List<Roster.Member> expected = roster.members();
        Set<String> waiting = new HashSet<>();
        expected.forEach(member -> waiting.add(member.instance()));
        List<ControlAnswer> answers = new ArrayList<>();
        Promise<ControlResult> result = Promise.promise();
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(addresses.answers(command.id()));
        long[] timer = new long[1];
        Runnable finish = () -> {
            vertx.cancelTimer(timer[0]);
            consumer.unregister();
            Set<String> answered = new HashSet<>();
            answers.forEach(answer -> answered.add(answer.instance()));
            result.tryComplete(new ControlResult(command, answers,
                    expected.stream().filter(member -> !answered.contains(member.instance())).toList()));
        };
        consumer.handler(message -> {
            ControlAnswer answer;
            try {
                answer = ControlAnswer.fromJson(message.body());
            } catch (RuntimeException unreadable) {
                return;
            }
            if (result.future().isComplete()) {
                return;
            }
            answers.add(answer);
            roster.saw(answer.service(), answer.instance());
            waiting.remove(answer.instance());
            if (waiting.isEmpty() && !expected.isEmpty()) {
                finish.run();
            }
        });
        timer[0] = vertx.setTimer(deadlineMillis, id -> finish.run());
        consumer.completion().onSuccess(ready -> vertx.eventBus().publish(addresses.broadcast(), command.toJson()))
                .onFailure(result::tryFail);
        return result.future();
    }
}
