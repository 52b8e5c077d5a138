package io.whizbang.deploy.archfixture;

import java.lang.reflect.Method;

/**
 * Breaks the no-reflection rules on purpose, so that the architecture test can prove its rules bite.
 */
public final class ReflectiveLoader {
    private ReflectiveLoader() {
    }

    /** Loads a class by name and finds a method of it. */
    public static Method find(String className, String methodName) throws ReflectiveOperationException {
        return Class.forName(className).getMethod(methodName);
    }
}
