package io.whizbang.testdomain;

import io.whizbang.message.Event;

/** An event no receptor declares: emitting it is a bug the dispatcher refuses. */
public record Unexpected(String counterId) implements Event {
}
