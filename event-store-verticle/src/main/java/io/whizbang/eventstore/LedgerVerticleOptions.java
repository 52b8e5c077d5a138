package io.whizbang.eventstore;

import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.LedgerAddresses;

/**
 * Options of a {@link LedgerVerticle}.
 */
public class LedgerVerticleOptions {
    /** Default prefix of the ledger's event-bus addresses. */
    public static final String DEFAULT_ADDRESS_PREFIX = "whizbang";

    private String addressPrefix = DEFAULT_ADDRESS_PREFIX;

    public LedgerVerticleOptions() {
    }

    public LedgerVerticleOptions(JsonObject json) {
        setAddressPrefix(json.getString("addressPrefix", DEFAULT_ADDRESS_PREFIX));
    }

    public String getAddressPrefix() {
        return addressPrefix;
    }

    /** Sets the prefix of the addresses, {@code <prefix>.ledger.append} and so on. */
    public LedgerVerticleOptions setAddressPrefix(String addressPrefix) {
        if (addressPrefix == null || addressPrefix.isBlank()) {
            throw new IllegalArgumentException("addressPrefix must not be blank");
        }
        this.addressPrefix = addressPrefix;
        return this;
    }

    /** The addresses the ledger is served at. */
    public LedgerAddresses addresses() {
        return new LedgerAddresses(addressPrefix);
    }

    public JsonObject toJson() {
        return new JsonObject().put("addressPrefix", addressPrefix);
    }
}
