package com.sportsbook.runtime.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal odds with a fixed scale of two decimals, never below 1.01 (the smallest price anyone offers). The implied
 * probability of a price is its inverse.
 */
public record Odds(BigDecimal decimal) implements Comparable<Odds> {

    public static final int SCALE = 2;
    public static final BigDecimal MINIMUM = new BigDecimal("1.01");
    static final MathContext PRECISION = MathContext.DECIMAL64;

    public Odds {
        if (decimal == null || decimal.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("decimal odds are at least 1.01, not " + decimal);
        }
        decimal = decimal.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static Odds of(String decimal) {
        return new Odds(new BigDecimal(decimal));
    }

    /**
     * The price for a probability, rounded down to the scale (rounding in the house's favour) and floored at 1.01.
     */
    public static Odds fromProbability(BigDecimal probability) {
        if (probability.signum() <= 0) {
            throw new IllegalArgumentException("a probability must be positive, not " + probability);
        }
        BigDecimal price = BigDecimal.ONE.divide(probability, PRECISION).setScale(SCALE, RoundingMode.DOWN);
        return new Odds(price.max(MINIMUM));
    }

    public BigDecimal impliedProbability() {
        return BigDecimal.ONE.divide(decimal, PRECISION);
    }

    @Override
    public int compareTo(Odds other) {
        return decimal.compareTo(other.decimal);
    }

    @Override
    public String toString() {
        return decimal.toPlainString();
    }
}
