package io.whizbang.processor;

/**
 * The three kinds of message a record can be: what it implements decides how it is routed and checked.
 */
enum MessageKind {
    COMMAND("Command", "command"),
    EVENT("Event", "event"),
    QUERY("Query", "query");

    private final String interfaceName;
    private final String noun;

    MessageKind(String interfaceName, String noun) {
        this.interfaceName = interfaceName;
        this.noun = noun;
    }

    /** The simple name of the interface a message of this kind implements. */
    String interfaceName() {
        return interfaceName;
    }

    /** The word used for it in diagnostics: "command", "event" or "query". */
    String noun() {
        return noun;
    }
}
