package com.sportsbook.commons.money;

import java.math.BigDecimal;
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

    /** An amount a client sent as a JSON number, checked: whole minor units, sane size, an enabled currency. */
    public sealed interface Parsed {
        record Valid(Money money) implements Parsed {
        }

        record Invalid(Problem problem) implements Parsed {
        }
    }

    /**
     * Parses a JSON number of minor units. Bind it as a {@link BigDecimal}, never a {@code long}: a JSON parser
     * would silently cut 12.5 to 12.
     */
    public static Parsed parse(BigDecimal amount, String currencyCode, Set<String> enabledCurrencies) {
        Long minor = null;
        if (amount != null) {
            BigDecimal stripped = amount.stripTrailingZeros();
            if (stripped.scale() > 0) {
                return new Parsed.Invalid(new Problem("amount", "is in minor units: a whole number (1250 for 12.50 EUR)"));
            }
            try {
                minor = stripped.longValueExact();
            } catch (ArithmeticException huge) {
                return new Parsed.Invalid(new Problem("amount", "is larger than any single transaction may be"));
            }
        }
        Optional<Problem> problem = check(minor, currencyCode, enabledCurrencies);
        return problem.<Parsed>map(Parsed.Invalid::new).orElseGet(() -> new Parsed.Valid(
                new Money(amount.longValueExact(), Currency.getInstance(currencyCode))));
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
