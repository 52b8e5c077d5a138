package io.whizbang.testdomain;

import io.whizbang.handler.Documents;
import io.whizbang.handler.Perspective;

/** Keeps each counter's value. */
public class CountPerspective implements Perspective<Count> {
    public void on(Incremented event, Documents<Count> documents) {
        documents.upsert(event.counterId(), () -> new Count(event.counterId(), 0),
                count -> new Count(count.counterId(), count.value() + event.by()));
    }
}
