package com.sportsbook.runtime.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How a price is shown, chosen by brand and player: decimal ("2.50"), fractional ("3/2", the profit per unit staked
 * as a reduced fraction; evens for 2.00) or American ("+150" for the profit on 100, "-200" for the stake that wins 100).
 */
public enum OddsFormat {
    DECIMAL,
    FRACTIONAL,
    AMERICAN;

    public String show(Odds odds) {
        BigDecimal profit = odds.decimal().subtract(BigDecimal.ONE);
        return switch (this) {
            case DECIMAL -> odds.decimal().toPlainString();
            case FRACTIONAL -> fraction(profit);
            case AMERICAN -> profit.compareTo(BigDecimal.ONE) >= 0
                    ? "+" + profit.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString()
                    : "-" + BigDecimal.valueOf(100).divide(profit, 0, RoundingMode.HALF_UP).toPlainString();
        };
    }

    public static OddsFormat fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    private static String fraction(BigDecimal profit) {
        if (profit.compareTo(BigDecimal.ONE) == 0) {
            return "evens";
        }
        BigInteger numerator = profit.movePointRight(Odds.SCALE).toBigIntegerExact();
        BigInteger denominator = BigInteger.TEN.pow(Odds.SCALE);
        BigInteger divisor = numerator.gcd(denominator);
        return numerator.divide(divisor) + "/" + denominator.divide(divisor);
    }
}
