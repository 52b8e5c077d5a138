package io.whizbang.processor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.MessageCodec;
import io.whizbang.handler.EventContext;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.MessageType;
import io.whizbang.policy.CachePolicy;
import io.whizbang.policy.CircuitBreakerPolicy;
import io.whizbang.policy.PolicySet;
import io.whizbang.policy.RateLimitPolicy;
import io.whizbang.policy.RetryPolicy;
import io.whizbang.policy.TimeoutPolicy;
import io.whizbang.registry.Access;
import io.whizbang.registry.Instances;
import io.whizbang.registry.LensBinding;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.ReceptorBinding;
import io.whizbang.registry.Registry;
import io.whizbang.registry.SagaBinding;
import io.whizbang.registry.SnapshotPolicy;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleRegistryTest {
    private static final String ORDER_ID = "0191b5a4-6f7e-7c2a-9d3e-2b4c6d8e0f12";

    private final CompiledSample sample = CompiledSample.get();
    private final Registry registry = sample.registry();

    @Test
    void sampleDomainCompilesWithoutWarnings() {
        Compilation compilation = sample.compilation();

        assertThat(compilation.succeeded()).as("%s", compilation.diagnostics()).isTrue();
        assertThat(compilation.messages(Diagnostic.Kind.WARNING)).isEmpty();
        assertThat(compilation.messages(Diagnostic.Kind.MANDATORY_WARNING)).isEmpty();
    }

    @Test
    void registryIsNamedAfterTheApplication() {
        assertThat(registry.name()).isEqualTo("sample");
    }

    @Test
    void receptorsAreBoundWithTheirScopeAndDeclaredEvents() {
        ReceptorBinding<?, ?> placeOrder = receptorOf("io.sample.orders.PlaceOrder");
        ReceptorBinding<?, ?> confirmOrder = receptorOf("io.sample.orders.ConfirmOrder");

        assertThat(placeOrder.receptor().getClass().getName()).isEqualTo("io.sample.orders.PlaceOrderReceptor");
        assertThat(placeOrder.access()).isEqualTo(Access.scope("orders:write"));
        assertThat(placeOrder.emits()).extracting(Class::getName).containsExactly("io.sample.orders.OrderPlaced");
        assertThat(confirmOrder.access()).isEqualTo(Access.open());
        assertThat(confirmOrder.emits()).extracting(Class::getName)
                .containsExactly("io.sample.orders.OrderConfirmed");
    }

    @Test
    void theGeneratedCommandIndexFindsEachCommandsOwnReceptor() {
        Command place = (Command) sample.codec("PlaceOrder").decode(new JsonObject().put("orderId", ORDER_ID)
                .put("customer", "ada").put("lines", placedJson().getJsonArray("lines")));
        Command confirm = (Command) sample.codec("ConfirmOrder").decode(new JsonObject().put("orderId", ORDER_ID));
        Command foreign = new Command() {
        };

        assertThat(registry.receptors().get(registry.commandIndex().positionOf(place)).commandType())
                .isEqualTo(place.getClass());
        assertThat(registry.receptors().get(registry.commandIndex().positionOf(confirm)).commandType())
                .isEqualTo(confirm.getClass());
        assertThat(registry.commandIndex().positionOf(foreign)).isEqualTo(-1);
        assertThat(sample.compilation().generatedSource("io.sample.SampleAppRegistry"))
                .contains("SampleAppRegistry::receptorOf");
    }

    @Test
    void handlerPolicyWinsOverTheMessagePolicyOfTheSameKind() {
        // PlaceOrder says @Retry(maxAttempts = 3) @Timeout(5000); its receptor overrides only the retry.
        assertThat(receptorOf("io.sample.orders.PlaceOrder").policies()).isEqualTo(PolicySet.NONE
                .withRetry(new RetryPolicy(5, 10, 1.5, 100))
                .withTimeout(new TimeoutPolicy(5000)));
        assertThat(receptorOf("io.sample.orders.ConfirmOrder").policies()).isEqualTo(PolicySet.NONE
                .withCircuitBreaker(new CircuitBreakerPolicy(2, CircuitBreakerPolicy.DEFAULT_RESET_TIMEOUT_MILLIS))
                .withRateLimit(new RateLimitPolicy(10, 1000)));
    }

    @Test
    void lensIsBoundWithItsScopeAndCache() {
        assertThat(registry.lenses()).hasSize(1);
        LensBinding<?, ?> lens = registry.lenses().get(0);

        assertThat(lens.queryType()).isEqualTo(type("GetOrder"));
        assertThat(lens.lens().getClass().getName()).isEqualTo("io.sample.orders.GetOrderLens");
        assertThat(lens.access()).isEqualTo(Access.scope("orders:read"));
        assertThat(lens.policies()).isEqualTo(PolicySet.NONE
                .withTimeout(new TimeoutPolicy(200))
                .withCache(new CachePolicy(1000, CachePolicy.DEFAULT_MAX_ENTRIES)));
    }

    @Test
    void perspectiveInvokerCallsTheMethodOfTheEventType() {
        PerspectiveBinding<?> binding = registry.perspectives().get(0);
        RecordingDocuments<Object> documents = new RecordingDocuments<>();
        Event placed = event("OrderPlaced", placedJson());
        Event confirmed = event("OrderConfirmed", new JsonObject().put("orderId", ORDER_ID).put("status", "CONFIRMED"));

        // when
        apply(binding, placed, documents, null);
        apply(binding, confirmed, documents, contextAtVersion(confirmed, 7));

        // then
        assertThat(binding.name()).isEqualTo("order-summary");
        assertThat(binding.modelType()).isEqualTo(type("OrderSummary"));
        assertThat(binding.handles()).extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder("OrderPlaced", "OrderConfirmed");
        assertThat(documents.calls).containsExactly("put " + ORDER_ID, "update " + ORDER_ID);
        assertThat(registry.codecs().encode(documents.stored.get(ORDER_ID))).isEqualTo(new JsonObject()
                .put("orderId", ORDER_ID).put("customer", "ada").put("lineCount", 1).put("status", "CONFIRMED")
                .put("version", 7L));
    }

    @Test
    void sagaKeyOfReadsTheCorrelationComponent() {
        SagaBinding<?> saga = registry.sagas().get(0);
        Event reserved = event("inventory.StockReserved", reservedJson());

        assertThat(saga.name()).isEqualTo("order-fulfillment");
        assertThat(saga.keyOf().apply(reserved)).isEqualTo(ORDER_ID);
        assertThat(saga.keyOf().apply(event("OrderPlaced", placedJson()))).isEqualTo(ORDER_ID);
        assertThatThrownBy(() -> saga.keyOf().apply(event("OrderConfirmed",
                new JsonObject().put("orderId", ORDER_ID).put("status", "SHIPPED"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("saga order-fulfillment does not handle io.sample.orders.OrderConfirmed");
    }

    @Test
    void sagaInvokerCallsTheMethodOfTheEventType() {
        SagaBinding<?> saga = registry.sagas().get(0);
        RecordingSagaContext context = new RecordingSagaContext();

        Object state = applySaga(saga, event("inventory.StockReserved", reservedJson()), context);

        assertThat(registry.codecs().encode(state)).isEqualTo(new JsonObject().put("placed", false)
                .put("reserved", true));
        assertThat(context.sent).hasSize(1);
        assertThat(context.sent.get(0).getClass()).isEqualTo(type("ConfirmOrder"));
        assertThat(saga.sends()).extracting(Class::getSimpleName).containsExactly("ConfirmOrder");
        assertThat(saga.stateType()).isEqualTo(type("FulfillmentState"));
    }

    @Test
    void snapshottedStateIsListedWithItsPolicyAndHasACodec() {
        Class<?> state = type("OrderState");

        assertThat(registry.snapshots()).containsExactly(new SnapshotPolicy<>(state, "OrderState", 50, 2));
        assertThat(registry.codecs().find(state)).isNotNull().isNotInstanceOf(MessageCodec.class);
    }

    @Test
    void givenInstancesReplaceTheOnesTheRegistryMakes() throws ReflectiveOperationException {
        Class<?> lensType = sample.type("io.sample.orders.GetOrderLens");
        Object lens = lensType.getConstructor().newInstance();
        Instances instances = given(lensType, lens);

        Registry withLens = (Registry) sample.type("io.sample.SampleAppRegistry")
                .getMethod("create", Instances.class).invoke(null, instances);

        assertThat(withLens.lenses().get(0).lens()).isSameAs(lens);
    }

    @Test
    void flowMapResourceEqualsTheConstantAndDrawsTheFlow() {
        String resource = sample.compilation().resource("META-INF/whizbang/sample.flow.json");
        JsonObject flow = new JsonObject(resource);

        assertThat(resource).isEqualTo(registry.flowMap());
        assertThat(flow.getString("application")).isEqualTo("sample");
        assertThat(flow.getJsonArray("commands")).containsExactly(
                new JsonObject().put("type", "ConfirmOrder").put("schemaVersion", 1)
                        .put("receptor", "io.sample.orders.ConfirmOrderReceptor").putNull("scope")
                        .put("emits", new JsonArray().add("OrderConfirmed")),
                new JsonObject().put("type", "PlaceOrder").put("schemaVersion", 1)
                        .put("receptor", "io.sample.orders.PlaceOrderReceptor").put("scope", "orders:write")
                        .put("emits", new JsonArray().add("OrderPlaced")));
        assertThat(flow.getJsonArray("events").getJsonObject(1)).isEqualTo(new JsonObject()
                .put("type", "OrderPlaced").put("schemaVersion", 2)
                .put("emittedBy", new JsonArray().add("io.sample.orders.PlaceOrderReceptor"))
                .put("perspectives", new JsonArray().add("order-summary"))
                .put("sagas", new JsonArray().add("order-fulfillment")));
        assertThat(flow.getJsonArray("queries").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("type", "GetOrder").put("schemaVersion", 1).put("lens", "io.sample.orders.GetOrderLens")
                .put("scope", "orders:read").put("answer", "OrderSummary"));
        assertThat(flow.getJsonArray("perspectives").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("name", "order-summary").put("class", "io.sample.orders.OrderSummaryPerspective")
                .put("model", "OrderSummary").put("handles", new JsonArray().add("OrderConfirmed").add("OrderPlaced")));
        assertThat(flow.getJsonArray("sagas").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("name", "order-fulfillment").put("class", "io.sample.orders.OrderFulfillmentSaga")
                .put("state", "FulfillmentState").put("correlateBy", "orderId")
                .put("handles", new JsonArray().add("OrderPlaced").add("inventory.StockReserved"))
                .put("sends", new JsonArray().add("ConfirmOrder")));
        assertThat(flow.getJsonArray("snapshots")).containsExactly(new JsonObject()
                .put("state", "OrderState").put("every", 50).put("schemaVersion", 2));
    }

    @Test
    void generatedSourcesUseNoReflection() {
        Compilation compilation = sample.compilation();

        assertThat(compilation.generatedSources()).hasSize(12);
        for (String source : compilation.generatedSources()) {
            String text = compilation.generatedSource(source.replace(".java", "").replace('/', '.'));
            assertThat(text).as(source)
                    .contains("@Generated(\"io.whizbang.processor.WhizbangProcessor\")")
                    .doesNotContain("java.lang.reflect")
                    .doesNotContain("Class.forName")
                    .doesNotContain("getDeclared");
        }
    }

    @Test
    void generatedFilesDoNotDependOnTheOrderOfSources(@TempDir Path dir) {
        List<Map.Entry<String, String>> sources = new ArrayList<>(SampleDomain.sources().entrySet());
        Collections.reverse(sources);
        Map<String, String> reversed = new LinkedHashMap<>();
        sources.forEach(entry -> reversed.put(entry.getKey(), entry.getValue()));

        Compilation again = Compilation.process(dir, reversed);

        Compilation first = sample.compilation();
        assertThat(again.generatedSources()).isEqualTo(first.generatedSources());
        for (String source : first.generatedSources()) {
            String name = source.replace(".java", "").replace('/', '.');
            assertThat(again.generatedSource(name)).as(source).isEqualTo(first.generatedSource(name));
        }
        assertThat(again.resource("META-INF/whizbang/sample.flow.json"))
                .isEqualTo(first.resource("META-INF/whizbang/sample.flow.json"));
    }

    private ReceptorBinding<?, ?> receptorOf(String commandType) {
        return registry.receptors().stream()
                .filter(binding -> binding.commandType().getName().equals(commandType))
                .findFirst().orElseThrow();
    }

    private Class<?> type(String simpleName) {
        return sample.type("io.sample.orders." + simpleName);
    }

    private Event event(String typeName, JsonObject json) {
        return (Event) sample.codec(typeName).decode(json);
    }

    @SuppressWarnings("unchecked")
    private static void apply(PerspectiveBinding<?> binding, Event event, RecordingDocuments<Object> documents,
                              EventContext context) {
        ((PerspectiveBinding<Object>) binding).invoker().apply(event, documents, context);
    }

    @SuppressWarnings("unchecked")
    private static Object applySaga(SagaBinding<?> binding, Event event, RecordingSagaContext context) {
        SagaBinding<Object> saga = (SagaBinding<Object>) binding;
        return saga.invoker().apply(event, saga.instance().initial(), context);
    }

    @SuppressWarnings("unchecked")
    private static Instances given(Class<?> type, Object instance) {
        return Instances.none().with((Class<Object>) type, instance);
    }

    private EventContext contextAtVersion(Event event, long version) {
        Envelope<Event> envelope = Envelope.create(Principal.of("ada", "acme"), new MessageType("OrderConfirmed", 1),
                event);
        return new EventContext(envelope, StreamId.of("Order", ORDER_ID), version, 42);
    }

    static JsonObject placedJson() {
        return new JsonObject()
                .put("orderId", ORDER_ID)
                .put("customer", "ada")
                .put("lines", new JsonArray().add(new JsonObject().put("sku", "A-1").put("quantity", 2)
                        .put("price", 9.95)))
                .put("placedAt", "2026-01-31T12:00:00Z")
                .put("tags", new JsonObject(Map.of("priority", 1)));
    }

    static JsonObject reservedJson() {
        return new JsonObject()
                .put("orderId", ORDER_ID)
                .put("shipment", new JsonObject().put("carrier", "post").put("expected", "2026-02-03"))
                .put("skus", new JsonArray(List.of("A-1", "B-2")));
    }
}
