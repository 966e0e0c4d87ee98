package com.sportsbook.commons.money;

import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an amount a client sends (minor units and an ISO 4217 code) before anything moves, and says why it is
 * refused. Shared by every money endpoint, so a deposit, a withdrawal and an adjustment reject the same inputs.
 */
public final class MoneyAmounts {

    /**
     * No single money command may move more than this many major units: far above any real stake, deposit or
     * payout, far below where sums of many amounts could overflow a long.
     */
    public static final long MAX_MAJOR_UNITS = 10_000_000_000L;

    private MoneyAmounts() {
    }

    /** Why an amount is refused, with a field-level message; empty when it is acceptable. */
    public record Problem(String field, String message) {
    }

    public static Optional<Problem> check(Long minor, String currencyCode, Set<String> enabledCurrencies) {
        if (currencyCode == null || !currencyCode.matches("[A-Z]{3}")) {
            return Optional.of(new Problem("currency", "must be an ISO 4217 code such as EUR"));
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException unknown) {
            return Optional.of(new Problem("currency", "'" + currencyCode + "' is not an ISO 4217 currency"));
        }
        if (currency.getDefaultFractionDigits() < 0) {
            return Optional.of(new Problem("currency", "'" + currencyCode + "' is not a currency of account"));
        }
        if (!enabledCurrencies.contains(currencyCode)) {
            return Optional.of(new Problem("currency", "'" + currencyCode + "' is not enabled for this brand"));
        }
        if (minor == null) {
            return Optional.of(new Problem("amount", "is required, in minor units (an integer)"));
        }
        if (minor <= 0) {
            return Optional.of(new Problem("amount", "must be a positive number of minor units"));
        }
        if (minor > maxMinor(currency)) {
            return Optional.of(new Problem("amount", "is larger than any single transaction may be"));
        }
        return Optional.empty();
    }

    public static long maxMinor(Currency currency) {
        long factor = 1;
        for (int i = 0; i < currency.getDefaultFractionDigits(); i++) {
            factor *= 10;
        }
        return MAX_MAJOR_UNITS * factor;
    }
}
