package com.sportsbook.runtime.wallet;

import com.sportsbook.commons.sql.RoundTrip;
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

    /**
     * A transfer in two steps, for a caller that sends its statements in round trips of its own (a bet): the lock and
     * read of the player's account go into the caller's {@code reads}; once those have run, {@link StagedTransfer#post}
     * checks the account as {@link #execute} would and puts the command's claim and its journal entry into the
     * caller's next round trip, answering the outcome they record. Both steps run in the caller's transaction, and the
     * caller must run that round trip before it commits.
     * <p>
     * Only for a command whose idempotency key cannot have been used: one named after an id the caller has just made
     * (a new bet's). A used key is not replayed: it fails the round trip with a {@code DuplicateKeyException}, and so
     * the caller's transaction. A transfer that does not move exactly one player account runs whole, as
     * {@link #execute} does, when it is posted.
     */
    StagedTransfer stage(WalletCommand.Transfer transfer, RoundTrip reads);

    /** The second step of {@link #stage}. */
    @FunctionalInterface
    interface StagedTransfer {
        WalletOutcome post(RoundTrip writes);
    }

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
