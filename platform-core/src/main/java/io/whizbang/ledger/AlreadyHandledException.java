package io.whizbang.ledger;

import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;

import java.util.UUID;

/**
 * An append carrying an incoming message that the ledger's inbox already recorded: nothing was written, because
 * the effects of that message are already stored.
 */
public final class AlreadyHandledException extends PermanentException {
    private final UUID messageId;

    private AlreadyHandledException(UUID messageId, String message) {
        super(ErrorCode.CONFLICT, message, null);
        this.messageId = messageId;
    }

    /** The refusal of a second append for the incoming message. */
    public static AlreadyHandledException of(InboxEntry entry) {
        return new AlreadyHandledException(entry.messageId(), "message " + entry.messageId() + " of tenant "
                + entry.tenant() + " was already handled; its effects are stored and nothing was written again");
    }

    /** The id of the message already handled. */
    public UUID messageId() {
        return messageId;
    }
}
