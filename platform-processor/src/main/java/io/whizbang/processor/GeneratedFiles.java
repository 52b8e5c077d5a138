package io.whizbang.processor;

import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what the processor generates through the {@link Filer}: a codec per record, the registry, and the
 * message-flow map as a class-path resource.
 */
final class GeneratedFiles {
    private final Filer filer;
    private final Diagnostics diagnostics;
    private final CodecWriter codecWriter = new CodecWriter();
    private final RegistryWriter registryWriter = new RegistryWriter();
    private final FlowMapWriter flowMapWriter = new FlowMapWriter();

    GeneratedFiles(Filer filer, Diagnostics diagnostics) {
        this.filer = filer;
        this.diagnostics = diagnostics;
    }

    /** Writes every file of the compilation; a file that cannot be written is reported as an error. */
    void write(CompilationModel model) {
        for (CodecModel codec : model.codecs()) {
            source(codec.qualifiedName(), codecWriter.source(codec), codec.record());
        }
        ApplicationModel application = model.application();
        String packageName = application.packageName();
        String flowMap = flowMapWriter.json(model);
        Element[] origins = origins(model);
        source(packageName.isEmpty() ? application.registryName() : packageName + "." + application.registryName(),
                registryWriter.source(model, packageName, flowMap), origins);
        String resource = "META-INF/whizbang/" + application.name() + ".flow.json";
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource, origins);
            try (Writer out = file.openWriter()) {
                out.write(flowMap);
            }
        } catch (IOException e) {
            diagnostics.error(application.type(), "could not write " + resource + ": " + e.getMessage());
        }
    }

    private void source(String qualifiedName, String text, Element... origins) {
        try (Writer out = filer.createSourceFile(qualifiedName, origins).openWriter()) {
            out.write(text);
        } catch (IOException e) {
            diagnostics.error(origins[0], "could not write " + qualifiedName + ": " + e.getMessage());
        }
    }

    /** The elements the registry is made from, so incremental builds know when to regenerate it. */
    private static Element[] origins(CompilationModel model) {
        List<Element> origins = new ArrayList<>();
        origins.add(model.application().type());
        model.messages().compiled().forEach(message -> origins.add(message.type()));
        model.receptors().forEach(receptor -> origins.add(receptor.type()));
        model.perspectives().forEach(perspective -> origins.add(perspective.type()));
        model.lenses().forEach(lens -> origins.add(lens.type()));
        model.sagas().forEach(saga -> origins.add(saga.type()));
        model.upcasters().forEach(upcaster -> origins.add(upcaster.method().getEnclosingElement()));
        model.snapshots().forEach(snapshot -> origins.add(snapshot.state()));
        return origins.stream().distinct().toArray(Element[]::new);
    }
}
