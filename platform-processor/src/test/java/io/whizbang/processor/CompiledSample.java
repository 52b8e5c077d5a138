package io.whizbang.processor;

import io.whizbang.codec.MessageCodec;
import io.whizbang.registry.Registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample domain compiled once for all end-to-end tests, with its generated registry loaded.
 *
 * <p>Reflection is fine here, in tests only: it is how a test reaches classes compiled while it runs.
 */
final class CompiledSample {
    private static final CompiledSample INSTANCE = new CompiledSample();

    private final Compilation compilation;
    private final ClassLoader loader;

    private CompiledSample() {
        try {
            // Under target/, so that mvn clean removes it.
            Path target = Path.of("target");
            Path dir = Files.isDirectory(target) ? Files.createTempDirectory(target, "sample-")
                    : Files.createTempDirectory("whizbang-sample-");
            compilation = Compilation.compile(dir, SampleDomain.sources());
            loader = compilation.classLoader();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompiledSample get() {
        return INSTANCE;
    }

    Compilation compilation() {
        return compilation;
    }

    /** A class of the sample domain or a generated one. */
    Class<?> type(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " was not compiled: " + compilation.diagnostics(), e);
        }
    }

    /** {@code SampleAppRegistry.create()}. */
    Registry registry() {
        return (Registry) invoke("io.sample.SampleAppRegistry", "create");
    }

    /** The registry's message codec for the type name. */
    MessageCodec<?> codec(String typeName) {
        return registry().codecs().byName(typeName);
    }

    private Object invoke(String type, String method) {
        try {
            return type(type).getMethod(method).invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
