package io.whizbang.projections;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.codec.JsonRead;
import io.whizbang.codec.MessageCodec;
import io.whizbang.message.MessageType;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.Registry;

import java.util.List;
import java.util.Set;

/** The test domain's registry and codecs, written by hand in the shape the annotation processor generates. */
public final class BankRegistry {
    public static final String PERSPECTIVE = "balance";
    public static final MessageType DEPOSITED = new MessageType("Deposited", 1);

    private BankRegistry() {
    }

    public static Registry create() {
        BalancePerspective perspective = new BalancePerspective();
        return new Registry("bank", codecs(), List.of(),
                List.of(new PerspectiveBinding<>(PERSPECTIVE, Balance.class, perspective, Set.of(Deposited.class),
                        (event, documents, context) -> {
                            if (event instanceof Deposited deposited) {
                                perspective.on(deposited, documents);
                            }
                        })),
                List.of(), List.of(), "{}");
    }

    static Codecs codecs() {
        return Codecs.builder().add(new DepositedCodec()).add(new BalanceCodec()).build();
    }

    private static final class DepositedCodec implements MessageCodec<Deposited> {
        @Override
        public MessageType messageType() {
            return DEPOSITED;
        }

        @Override
        public Class<Deposited> javaType() {
            return Deposited.class;
        }

        @Override
        public JsonObject encode(Deposited value) {
            return new JsonObject().put("accountId", value.accountId()).put("cents", value.cents());
        }

        @Override
        public Deposited decode(JsonObject json) {
            return new Deposited(JsonRead.required(json, "accountId", JsonRead.STRING),
                    JsonRead.required(json, "cents", JsonRead.LONG));
        }
    }

    private static final class BalanceCodec implements JsonCodec<Balance> {
        @Override
        public Class<Balance> javaType() {
            return Balance.class;
        }

        @Override
        public JsonObject encode(Balance value) {
            return new JsonObject().put("accountId", value.accountId()).put("cents", value.cents())
                    .put("deposits", value.deposits());
        }

        @Override
        public Balance decode(JsonObject json) {
            return new Balance(JsonRead.required(json, "accountId", JsonRead.STRING),
                    JsonRead.required(json, "cents", JsonRead.LONG), JsonRead.required(json, "deposits", JsonRead.INT));
        }
    }
}
