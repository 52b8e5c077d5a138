package io.whizbang.projections;

import io.whizbang.handler.Documents;
import io.whizbang.handler.Perspective;

/** Keeps each account's balance. */
public class BalancePerspective implements Perspective<Balance> {
    public void on(Deposited event, Documents<Balance> documents) {
        documents.upsert(event.accountId(), () -> new Balance(event.accountId(), 0, 0),
                balance -> new Balance(balance.accountId(), balance.cents() + event.cents(), balance.deposits() + 1));
    }
}
