package io.whizbang.eventstore;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerAddresses;
import io.whizbang.ledger.LedgerClient;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ledger verticle does beyond the ledger contract: its wire protocol, its publications, its lifecycle. */
@ExtendWith(VertxExtension.class)
class LedgerVerticleTest {
    private static final StreamId ORDER = StreamId.of("Order", "42");

    private final String prefix = "test-" + UUID.randomUUID();
    private final LedgerAddresses addresses = new LedgerAddresses(prefix);
    private Ledger served;
    private String deployment;

    @BeforeEach
    void deploy(Vertx vertx, VertxTestContext ctx) {
        served = Ledger.memory(vertx);
        vertx.deployVerticle(new LedgerVerticle(served, new LedgerVerticleOptions().setAddressPrefix(prefix)))
                .onComplete(ctx.succeeding(id -> {
                    deployment = id;
                    ctx.completeNow();
                }));
    }

    private static List<EventData> oneEvent() {
        return List.of(new EventData(MessageIds.next(), "Happened", 1, new JsonObject().put("n", 1),
                new JsonObject()));
    }

    private static void assertInvalidArgument(Throwable failure, String messagePart) {
        assertThat(failure).isInstanceOf(ReplyException.class);
        ReplyException reply = (ReplyException) failure;
        assertThat(reply.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
        assertThat(reply.failureCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT.wireCode());
        assertThat(reply.getMessage()).contains(messagePart);
    }

    @Test
    void aRequestBodyThatIsNotAJsonObjectIsAnInvalidArgument(Vertx vertx, VertxTestContext ctx) {
        vertx.eventBus().request(addresses.append(), "append please")
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertInvalidArgument(failure, "must be a JSON object");
                    ctx.completeNow();
                })));
    }

    @Test
    void anAppendRequestWithoutAppendsIsAnInvalidArgumentNamingTheField(Vertx vertx, VertxTestContext ctx) {
        vertx.eventBus().request(addresses.append(), new JsonObject().put("nonsense", true))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertInvalidArgument(failure, "appends");
                    ctx.completeNow();
                })));
    }

    @Test
    void aReadWithAMalformedStreamIdIsAnInvalidArgument(Vertx vertx, VertxTestContext ctx) {
        JsonObject read = new JsonObject().put("tenant", "acme").put("stream", "no dash")
                .put("fromVersion", 1).put("maxCount", 10);
        vertx.eventBus().request(addresses.readStream(), read)
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertInvalidArgument(failure, "stream");
                    ctx.completeNow();
                })));
    }

    @Test
    void appendsMadeDirectlyToTheServedLedgerArePublishedWithTheHead(Vertx vertx, VertxTestContext ctx) {
        // given a listener on the publication address
        Promise<Object> published = Promise.promise();
        vertx.eventBus().consumer(addresses.appended(), message -> published.tryComplete(message.body()))
                .completion()
                // when an in-process writer appends without the event bus
                .compose(registered -> served.append("acme", ORDER, ExpectedVersion.any(), oneEvent()))
                .compose(appended -> published.future())
                // then
                .onComplete(ctx.succeeding(head -> ctx.verify(() -> {
                    assertThat(head).isEqualTo(1L);
                    ctx.completeNow();
                })));
    }

    @Test
    void aClientIsToldOfAppendsMadeThroughAnotherClient(Vertx vertx, VertxTestContext ctx) {
        Ledger watcher = LedgerClient.create(vertx, prefix);
        Ledger writer = LedgerClient.create(vertx, prefix);
        Promise<Void> told = Promise.promise();
        watcher.onAppend(told::tryComplete);
        writer.append("acme", ORDER, ExpectedVersion.noStream(), oneEvent())
                .compose(appended -> told.future())
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void afterUndeployTheLedgerIsUnavailable(Vertx vertx, VertxTestContext ctx) {
        Ledger client = LedgerClient.create(vertx, prefix);
        vertx.undeploy(deployment)
                .compose(undeployed -> client.head())
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(served.head().result()).as("the served ledger stays open").isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    void optionsSurviveTheirJsonForm() {
        LedgerVerticleOptions options = new LedgerVerticleOptions().setAddressPrefix("acme");

        assertThat(new LedgerVerticleOptions(options.toJson()).getAddressPrefix()).isEqualTo("acme");
        assertThat(new LedgerVerticleOptions().addresses().append()).isEqualTo("whizbang.ledger.append");
    }
}
