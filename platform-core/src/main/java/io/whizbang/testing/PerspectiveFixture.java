package io.whizbang.testing;

import io.whizbang.handler.EventContext;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.MessageIds;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Given-when-then tests of one perspective through its generated binding: {@code given(events)} then read the
 * documents it wrote, encoded and decoded by the generated codec as the real store would.
 *
 * @param <M> the read-model type
 */
public final class PerspectiveFixture<M> {
    private final PerspectiveBinding<M> binding;
    private final RecordingDocuments<M> documents;
    private Clock clock = Clock.fixed(ReceptorFixture.DEFAULT_NOW, ZoneOffset.UTC);
    private String tenant = "test-tenant";
    private long position;

    private PerspectiveFixture(PerspectiveBinding<M> binding, Registry registry) {
        this.binding = binding;
        this.documents = new RecordingDocuments<>(registry.codecs().of(binding.modelType()));
    }

    /** A fixture of the registry's perspective whose model is the type. */
    @SuppressWarnings("unchecked")
    public static <M> PerspectiveFixture<M> of(Registry registry, Class<M> modelType) {
        for (PerspectiveBinding<?> binding : registry.perspectives()) {
            if (binding.modelType() == modelType) {
                return new PerspectiveFixture<>((PerspectiveBinding<M>) binding, registry);
            }
        }
        throw new IllegalArgumentException("no perspective of " + registry.name() + " writes " + modelType.getName());
    }

    /** Later events are recorded at this instant. */
    public PerspectiveFixture<M> at(Instant now) {
        this.clock = Clock.fixed(Objects.requireNonNull(now, "now"), ZoneOffset.UTC);
        return this;
    }

    /** Later events belong to this tenant. */
    public PerspectiveFixture<M> inTenant(String name) {
        this.tenant = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The perspective handles these events, in order (those it has no method for are skipped). */
    public PerspectiveFixture<M> given(Event... events) {
        for (Event event : events) {
            position++;
            Envelope<Event> envelope = new Envelope<>(MessageIds.next(clock), MessageIds.next(clock), null, tenant,
                    new Principal("test-user", tenant, Set.of()), null, clock.instant(),
                    new io.whizbang.message.MessageType(event.getClass().getSimpleName(), 1), event);
            EventContext context = new EventContext(envelope, StreamId.of("Test", "stream"), position, position);
            if (binding.handles(event.getClass())) {
                binding.invoker().apply(event, documents, context);
            }
        }
        return this;
    }

    /** The document under the key, if the perspective wrote one. */
    public Optional<M> document(String key) {
        return Optional.ofNullable(documents.get(key));
    }

    /** Asserts the document under the key equals the expected one. */
    public PerspectiveFixture<M> thenDocument(String key, M expected) {
        M actual = documents.get(key);
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError("document " + key + " of " + binding.name() + ": expected " + expected
                    + "\n but was " + actual);
        }
        return this;
    }

    /** Asserts there is no document under the key. */
    public PerspectiveFixture<M> thenNoDocument(String key) {
        if (documents.get(key) != null) {
            throw new AssertionError("expected no document " + key + " of " + binding.name() + ", found "
                    + documents.get(key));
        }
        return this;
    }

    /** How many documents the perspective holds. */
    public int size() {
        return documents.all().size();
    }
}
