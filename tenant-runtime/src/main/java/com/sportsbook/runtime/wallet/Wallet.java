package com.sportsbook.runtime.wallet;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The wallet module's API, for betting, payments and settlement. Every method runs in the caller's transaction when
 * there is one (a bet and its stake hold commit together) and in its own otherwise. Commands on one player account
 * serialize; a player account never goes below zero and never below what its holds reserve.
 */
public interface Wallet {

    WalletOutcome execute(WalletCommand command);

    Balance balance(AccountRef account);

    /** Every account the player has on the brand, in every currency. */
    List<Balance> balances(UUID playerId, String brand);

    Statement.Page statement(Statement.Query query);

    List<Statement.LifetimeTotals> lifetimeTotals(UUID playerId, String brand);

    /**
     * The net of every posting on the player's cash account in that currency since a time, per transaction kind (in
     * is positive, out negative; a reversal counts under the kind it reverses): deposits, stakes and returns over a
     * rolling window for responsible-gambling limits. Kinds with no posting are absent. One query.
     */
    Map<TransactionKind, Long> cashFlowsSince(UUID playerId, String brand, Currency currency, Instant since);
}
