package io.whizbang.processor;

import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The class marked {@code @WhizbangApplication}: where the registry goes and what the application is called.
 *
 * @param type the marked class
 * @param name the application's name
 */
record ApplicationModel(TypeElement type, String name) {

    /** The package of the generated registry. */
    String packageName(Elements elements) {
        PackageElement element = elements.getPackageOf(type);
        return element.isUnnamed() ? "" : element.getQualifiedName().toString();
    }

    /** The simple name of the generated registry class. */
    String registryName() {
        return GeneratedNames.flatName(type) + "Registry";
    }
}
