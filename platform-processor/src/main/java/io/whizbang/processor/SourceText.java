package io.whizbang.processor;

/**
 * The text of a generated Java source file, written line by line with four-space indentation.
 */
final class SourceText {
    private static final String INDENT = "    ";

    private final StringBuilder text = new StringBuilder();
    private int depth;

    /** Appends a line at the current indentation; an empty string appends an empty line. */
    SourceText line(String line) {
        if (!line.isEmpty()) {
            text.append(INDENT.repeat(depth)).append(line);
        }
        text.append('\n');
        return this;
    }

    /** Appends a line ending in an opening brace and indents what follows. */
    SourceText open(String line) {
        line(line + " {");
        depth++;
        return this;
    }

    /** Closes the innermost brace. */
    SourceText close() {
        return close("");
    }

    /** Closes the innermost brace, followed by the suffix, such as {@code ");"}. */
    SourceText close(String suffix) {
        depth--;
        return line("}" + suffix);
    }

    /** Indents what follows one more level without a brace, for continuation lines. */
    SourceText indent() {
        depth++;
        return this;
    }

    /** Ends an {@link #indent()}. */
    SourceText outdent() {
        depth--;
        return this;
    }

    /**
     * The text as a Java string literal. Control characters become octal escapes: a unicode escape would be
     * translated before the literal is even parsed.
     */
    static String quote(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20) {
                        literal.append(String.format("\\%03o", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
