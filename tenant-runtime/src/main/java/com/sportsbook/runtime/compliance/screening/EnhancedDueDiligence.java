package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.payments.PendingDeposits;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a PEP hit waiting for enhanced due diligence means for the player's deposits: the deposits made since the
 * hit was opened (credited and still pending at the provider) may reach the tenant's review amount
 * ({@code aml_settings.pep_deposit_review_amount}, minor units of the deposit's currency) and no more until an officer
 * records the due diligence. Counting from the hit on, rather than per deposit, keeps a PEP from splitting a large
 * deposit into small ones. Payments' deposit gate asks it (through compliance's gate) in the transaction that records
 * the deposit, with the player's deposit starts taking turns.
 */
public final class EnhancedDueDiligence {

    /** A deposit refused until the due diligence is recorded. */
    public record Required(long reviewAmount, long depositedSinceHit, String currency) {
        public String detail() {
            return "Your deposits are being reviewed by our compliance team before more than " + reviewAmount + " "
                    + currency + " can be deposited; please try a smaller amount or contact support.";
        }
    }

    private final ScreeningCases cases;
    private final JdbcClient jdbc;
    private final Wallet wallet;
    private final PendingDeposits pending;

    EnhancedDueDiligence(ScreeningCases cases, JdbcClient jdbc, Wallet wallet, PendingDeposits pending) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.pending = pending;
    }

    /** Whether this deposit must wait for the player's due diligence; in the caller's transaction. */
    public Optional<Required> depositRefusal(UUID playerId, String brand, long amount, String currency) {
        Optional<Instant> since = cases.dueDiligencePendingSince(playerId);
        if (since.isEmpty()) {
            return Optional.empty();
        }
        long reviewAmount = jdbc.sql("SELECT pep_deposit_review_amount FROM aml_settings WHERE id = 1")
                .query(Long.class).single();
        // pending first: a deposit credited in between is then counted twice rather than not at all
        long started = pending.total(playerId, currency, since.get());
        long credited = wallet.cashFlowsSince(playerId, brand, Currency.getInstance(currency), since.get())
                .getOrDefault(TransactionKind.DEPOSIT, 0L);
        long deposited = started + credited;
        return deposited + amount > reviewAmount
                ? Optional.of(new Required(reviewAmount, deposited, currency)) : Optional.empty();
    }
}
