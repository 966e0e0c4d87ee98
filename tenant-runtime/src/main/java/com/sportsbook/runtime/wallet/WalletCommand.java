package com.sportsbook.runtime.wallet;

import java.util.List;
import java.util.UUID;

/**
 * The commands that move money. Each carries the caller's idempotency key: the first execution's outcome is kept,
 * a replay with the same command returns it and moves nothing, and the same key with a different command is
 * rejected with {@link Rejection#IDEMPOTENCY_CONFLICT}.
 */
public sealed interface WalletCommand {

    String idempotencyKey();

    /** A journal transaction of two or more postings that sum to zero per currency. */
    record Transfer(String idempotencyKey, TransactionKind kind, List<Posting> postings, String reference,
            String description) implements WalletCommand {
        public Transfer {
            postings = List.copyOf(postings);
        }
    }

    /**
     * Reserves {@code amount} of a player account: it stays in the balance but is no longer available. Capturing
     * posts it to {@code counterAccount} as a {@code captureKind} transaction; releasing frees it.
     */
    record PlaceHold(String idempotencyKey, AccountRef.Player account, long amount, AccountRef counterAccount,
            TransactionKind captureKind, String reference) implements WalletCommand {
    }

    /** Posts {@code amount} (at most the hold's) of a pending hold; whatever is left of it is released. */
    record CaptureHold(String idempotencyKey, UUID holdId, long amount) implements WalletCommand {
    }

    record ReleaseHold(String idempotencyKey, UUID holdId) implements WalletCommand {
    }

    /** A new transaction with every posting of the original negated, referencing it. A transaction is reversed once. */
    record Reverse(String idempotencyKey, UUID transactionId, String reason) implements WalletCommand {
    }

    /**
     * Like {@link Reverse}, for corrections the player cannot refuse (a resettled bet): where a player account's
     * negated posting is more than it has available, the account gives what is available (holds stay untouched)
     * and the shortfall becomes the player's debt, posted to the brand's {@link HouseAccountKind#PLAYER_DEBT}
     * account. The next deposit or payout to the player's cash repays the debt first.
     */
    record ReverseAllowingDebt(String idempotencyKey, UUID transactionId, String reason) implements WalletCommand {
    }
}
