package com.sportsbook.runtime.payments.flow;

import com.sportsbook.runtime.payments.PendingDeposits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The pending deposits from the payment table; nothing expires a payment, a pending one just stops counting. */
final class PendingDepositTotals implements PendingDeposits {

    private final PaymentRecords records;
    private final Duration expiry;
    private final Clock clock;

    PendingDepositTotals(PaymentRecords records, Duration expiry, Clock clock) {
        this.records = records;
        this.expiry = expiry;
        this.clock = clock;
    }

    @Override
    public long total(UUID playerId, String currency, Instant since) {
        return records.pendingDeposits(playerId, currency, since, clock.instant().minus(expiry));
    }
}
