package io.whizbang.processor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.MessageCodec;
import io.whizbang.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CodecCoverageTest {
    @TempDir
    Path dir;

    @Test
    void everySupportedTypeRoundTrips() throws ReflectiveOperationException {
        Compilation compilation = Compilation.compile(dir, TestSources.app("""
                public enum Color { RED, GREEN }
                @SchemaVersion(1)
                public record Measured(short s, byte b, float f, double d, long l, int i, char c, boolean flag,
                                       Short boxedShort, Byte boxedByte, Float boxedFloat, Double boxedDouble,
                                       Long boxedLong, Integer boxedInt, Character boxedChar, Boolean boxedFlag,
                                       java.math.BigInteger big, java.math.BigDecimal decimal, java.time.LocalDate day,
                                       List<List<String>> grid, Map<String, List<Color>> palette, Set<Integer> numbers,
                                       Optional<Color> favourite, Optional<List<String>> tags) implements Event { }
                """));
        JsonObject json = new JsonObject("""
                {"s":1,"b":2,"f":1.5,"d":2.25,"l":12345678901,"i":7,"c":"x","flag":true,
                 "boxedShort":3,"boxedByte":4,"boxedFloat":0.5,"boxedDouble":0.25,"boxedLong":5,"boxedInt":6,
                 "boxedChar":"y","boxedFlag":false,"big":"123456789012345678901234567890","decimal":1.25,
                 "day":"2026-01-31","grid":[["a","b"],[]],"palette":{"warm":["RED"],"cold":["GREEN","RED"]},
                 "numbers":[3,1,2],"favourite":"GREEN","tags":["t"]}
                """);

        Codecs codecs = registry(compilation).codecs();
        MessageCodec<?> codec = codecs.byName("Measured");
        Object measured = codec.decode(json);
        JsonObject encoded = codecs.encode(measured);

        assertThat(new JsonObject(encoded.encode())).isEqualTo(json);
        assertThat(codec.decode(encoded)).isEqualTo(measured);
    }

    @Test
    void componentsNamedLikeGeneratedVariablesOrPackagesStillCompile() throws ReflectiveOperationException {
        Compilation compilation = Compilation.compile(dir, TestSources.app("""
                public record Note(String text) { }
                public record Clash(String json, String value, String io, String java, Note Note,
                                    List<Note> notes) implements Command { }
                """));
        JsonObject json = new JsonObject().put("json", "j").put("value", "v").put("io", "i").put("java", "x")
                .put("Note", new JsonObject().put("text", "t"))
                .put("notes", new JsonArray().add(new JsonObject().put("text", "u")));

        Codecs codecs = registry(compilation).codecs();
        Object clash = codecs.byName("Clash").decode(json);

        assertThat(codecs.encode(clash)).isEqualTo(json);
    }

    @Test
    void answerOfAQueryGetsACodecEvenWithoutALens() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record OrderView(String orderId) { }
                public record GetOrder(String orderId) implements Query<OrderView> { }
                """));

        assertThat(compilation.generatedSources()).contains("io/t/App_OrderViewJsonCodec.java",
                "io/t/App_GetOrderJsonCodec.java", "io/t/AppRegistry.java");
    }

    private static Registry registry(Compilation compilation) throws ReflectiveOperationException {
        assertThat(compilation.succeeded()).as("%s", compilation.diagnostics()).isTrue();
        return (Registry) compilation.classLoader().loadClass("io.t.AppRegistry").getMethod("create").invoke(null);
    }
}
