package io.whizbang.processor;

import java.util.List;

/**
 * Writes the registry's command index: a static method that compares the command's class with each command type in
 * the order of the receptors, which the JIT turns into comparisons of the object's class word, quicker than any
 * table keyed by class.
 *
 * <p>Past {@link #MOST_COMPARISONS} command types the chain would cost more than the table and outgrow inlining, so
 * the registry then keeps the table that {@code Registry} builds by default.
 */
final class CommandIndexWriter {
    /** The most command types written as a chain of comparisons. */
    static final int MOST_COMPARISONS = 24;
    private static final String METHOD = "receptorOf";

    private final List<ReceptorModel> receptors;
    private final TypeNames names;

    CommandIndexWriter(List<ReceptorModel> receptors, TypeNames names) {
        this.receptors = receptors;
        this.names = names;
    }

    /** Whether the registry gets a chain of comparisons. */
    boolean writes() {
        return !receptors.isEmpty() && receptors.size() <= MOST_COMPARISONS;
    }

    /** The argument that passes the index to the registry's constructor. */
    String argument(String registryName) {
        return registryName + "::" + METHOD;
    }

    /** Writes the method. */
    void write(SourceText java) {
        java.line("")
                .line("/** The position in {@code receptors} of the receptor of exactly the command's class, or -1. */")
                .open("private static int " + METHOD + "(io.whizbang.message.Command command)");
        for (int position = 0; position < receptors.size(); position++) {
            java.open("if (command.getClass() == " + names.of(receptors.get(position).command()) + ".class)")
                    .line("return " + position + ";")
                    .close();
        }
        java.line("return -1;").close();
    }
}
