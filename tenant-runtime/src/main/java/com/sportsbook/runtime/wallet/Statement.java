package com.sportsbook.runtime.wallet;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A player's account history, newest first, one page at a time. */
public final class Statement {

    private Statement() {
    }

    /**
     * @param cursor the last line of the previous page ({@link Page#nextCursor}); null for the first page
     */
    public record Query(UUID playerId, String brand, Currency currency, Set<TransactionKind> kinds, Instant from,
            Instant to, Long cursor, int limit) {
    }

    public record Line(long id, UUID transactionId, TransactionKind kind, AccountKind account, String currency,
            long amount, long balanceAfter, String reference, String description, Instant at) {
    }

    public record Page(List<Line> lines, Long nextCursor) {
    }

    /**
     * Lifetime money in and out of a player's cash, per currency: deposits less refunds, paid withdrawals, and stakes
     * (what the player has wagered).
     */
    public record LifetimeTotals(String currency, long deposits, long withdrawals, long wagered) {
        public long netDeposits() {
            return deposits - withdrawals;
        }
    }
}
