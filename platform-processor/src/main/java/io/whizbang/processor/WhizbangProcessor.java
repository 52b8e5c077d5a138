package io.whizbang.processor;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Whizbang annotation processor: finds the message types and handlers of a compilation, fails the build with
 * a precise error when one breaks a rule, and otherwise generates a JSON codec per record, the
 * {@code <App>Registry} and the message-flow map.
 *
 * <p>It generates once, in the first round that has anything for it; the later round that compiles the generated
 * sources is left alone. javac finds it through {@code META-INF/services}.
 */
@SupportedAnnotationTypes("*")
public final class WhizbangProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done || round.processingOver()) {
            return false;
        }
        Optional<WhizbangApi> api = WhizbangApi.lookUp(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        if (api.isEmpty()) {
            return false;
        }
        List<TypeElement> types = CompilationScanner.typesOf(round.getRootElements());
        Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
        Optional<CompilationModel> model = new CompilationScanner(api.get(), processingEnv.getElementUtils(),
                processingEnv.getTypeUtils(), diagnostics).scan(types);
        if (diagnostics.hasErrors()) {
            done = true;
            return false;
        }
        model.ifPresent(found -> {
            done = true;
            new GeneratedFiles(processingEnv.getFiler(), diagnostics).write(found);
        });
        // Other processors may want the same annotations, so none is claimed.
        return false;
    }
}
