package com.sportsbook.runtime.payments.reconciliation;

import java.util.Optional;

/**
 * How one report line compares with the payment we hold under its reference. Free of any framework: the rules are
 * the point of reconciliation and are tested as such.
 */
final class ReconciliationRules {

    private ReconciliationRules() {
    }

    /** What we know of the payment a line names. */
    record Known(String kind, long amount, String currency, String status) {
    }

    record Mismatch(String kind, String detail) {
    }

    static Optional<Mismatch> compare(SettlementReport.Line line, Optional<Known> known) {
        if (known.isEmpty()) {
            return Optional.of(new Mismatch("unmatched", "the report's " + line.type() + " " + line.reference()
                    + " of " + line.amount() + " " + line.currency() + " matches no payment of ours"));
        }
        Known payment = known.get();
        if (!payment.currency().equals(line.currency())) {
            return Optional.of(new Mismatch("currency_mismatch", "reported in " + line.currency() + ", ours is in "
                    + payment.currency()));
        }
        if (payment.amount() != line.amount()) {
            return Optional.of(new Mismatch("amount_mismatch", "reported " + line.amount() + ", ours is " + payment.amount()
                    + " (" + payment.currency() + " minor units)"));
        }
        String expected = expectedStatus(line, payment);
        boolean declinedCountsAsFailed = "failed".equals(expected) && "declined".equals(payment.status());
        if (expected != null && !expected.equals(payment.status()) && !declinedCountsAsFailed) {
            return Optional.of(new Mismatch("status_mismatch", "the provider reports " + line.type() + " " + line.status()
                    + ", ours is " + payment.status()));
        }
        return Optional.empty();
    }

    /** The status our payment must have for the reported outcome; null when the line says nothing we track. */
    private static String expectedStatus(SettlementReport.Line line, Known payment) {
        boolean deposit = "deposit".equals(payment.kind());
        return switch (line.type() + ":" + line.status()) {
            case "payment:succeeded" -> deposit ? "succeeded" : "a deposit";
            case "payment:failed" -> deposit ? "failed" : "a deposit";
            case "payout:paid" -> deposit ? "a withdrawal" : "paid";
            case "payout:failed" -> deposit ? "a withdrawal" : "failed";
            default -> null;
        };
    }
}
