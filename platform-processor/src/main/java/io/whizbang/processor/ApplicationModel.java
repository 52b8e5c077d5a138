package io.whizbang.processor;

import javax.lang.model.element.TypeElement;

/**
 * The class marked {@code @WhizbangApplication}: where the registry goes and what the application is called.
 *
 * @param type the marked class
 * @param name the application's name
 */
record ApplicationModel(TypeElement type, String name) {

    /** The package of the generated registry, empty for the unnamed package. */
    String packageName() {
        return GeneratedNames.packageName(type);
    }

    /** The simple name of the generated registry class. */
    String registryName() {
        return GeneratedNames.flatName(type) + "Registry";
    }
}
