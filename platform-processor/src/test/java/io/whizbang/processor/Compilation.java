package io.whizbang.processor;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A javac run over in-memory sources with the {@link WhizbangProcessor}, and what it left: diagnostics, generated
 * sources and class files.
 */
final class Compilation {
    private final boolean success;
    private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    private final Path classes;
    private final Path generated;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes,
                        Path generated) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.classes = classes;
        this.generated = generated;
    }

    /** Runs the processor only ({@code -proc:only}): enough to see its diagnostics and what it generates. */
    static Compilation process(Path workDir, Map<String, String> sources) {
        return run(workDir, sources, true);
    }

    /** Compiles the sources and what the processor generates from them into class files. */
    static Compilation compile(Path workDir, Map<String, String> sources) {
        return run(workDir, sources, false);
    }

    private static Compilation run(Path workDir, Map<String, String> sources, boolean processOnly) {
        try {
            Path classes = Files.createDirectories(workDir.resolve("classes"));
            Path generated = Files.createDirectories(workDir.resolve("generated"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
            List<String> options = new ArrayList<>(List.of("-classpath", classPath(), "-d", classes.toString(),
                    "-s", generated.toString(), "-Xlint:all,-processing", "-parameters"));
            if (processOnly) {
                options.add("-proc:only");
            }
            List<JavaFileObject> units = sources.entrySet().stream()
                    .map(entry -> (JavaFileObject) new Source(entry.getKey(), entry.getValue())).toList();
            try (StandardJavaFileManager files = javac.getStandardFileManager(collector, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                JavaCompiler.CompilationTask task = javac.getTask(null, files, collector, options, null, units);
                task.setProcessors(List.of(new WhizbangProcessor()));
                boolean success = task.call();
                return new Compilation(success, collector.getDiagnostics(), classes, generated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class path: platform-core and Vert.x are on it, as they would be for an application. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    boolean succeeded() {
        return success;
    }

    /**
     * Asserts that one error contains every fragment and that nothing was generated: a processor that found an
     * error writes no codec, no registry and no flow map.
     */
    void assertFailedWith(String... fragments) {
        assertThat(errors()).as("errors").anySatisfy(error -> assertThat(error).contains(fragments));
        assertThat(success).as("compilation succeeded").isFalse();
        assertThat(generatedSources()).as("generated sources").isEmpty();
        assertThat(classOutput()).as("class output").isEmpty();
    }

    /** The text of every error. */
    List<String> errors() {
        return messages(Diagnostic.Kind.ERROR);
    }

    /** The text of every diagnostic of the kind. */
    List<String> messages(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(diagnostic -> diagnostic.getKind() == kind)
                .map(diagnostic -> diagnostic.getMessage(Locale.ROOT)).toList();
    }

    /** Every diagnostic, for failure messages. */
    List<Diagnostic<? extends JavaFileObject>> diagnostics() {
        return diagnostics;
    }

    /** The generated source files, as paths relative to the generated-sources directory. */
    List<String> generatedSources() {
        return filesUnder(generated);
    }

    /** The files written to the class output, as relative paths. */
    List<String> classOutput() {
        return filesUnder(classes);
    }

    /** The text of a generated source, by its qualified class name. */
    String generatedSource(String qualifiedName) {
        return read(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
    }

    /** The text of a resource in the class output. */
    String resource(String path) {
        return read(classes.resolve(path));
    }

    /** A loader of the compiled classes, whose parent is the test's loader, so platform-core types are shared. */
    URLClassLoader classLoader() {
        try {
            URL[] urls = {classes.toUri().toURL()};
            return new URLClassLoader(urls, Compilation.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> filesUnder(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source file held in memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
