package com.sportsbook.runtime.betting.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Potential returns in minor units: a line returns unit stake x the product of its legs' prices; a bet returns
 * the sum of its lines, rounded down to the minor unit once, at the end (never per line or per leg).
 */
public final class Returns {

    private Returns() {
    }

    /** The product of the prices at the given positions. */
    public static BigDecimal lineOdds(List<BigDecimal> prices, List<Integer> line) {
        BigDecimal product = BigDecimal.ONE;
        for (int position : line) {
            product = product.multiply(prices.get(position));
        }
        return product;
    }

    /**
     * What the bet returns if every selection wins. A return beyond what a long holds (twenty long shots) is given as
     * {@link Long#MAX_VALUE}: far beyond any maximum payout, which refuses such a stake.
     */
    public static long potential(long unitStake, List<BigDecimal> prices, List<List<Integer>> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (List<Integer> line : lines) {
            total = total.add(lineOdds(prices, line));
        }
        BigDecimal potential = BigDecimal.valueOf(unitStake).multiply(total).setScale(0, RoundingMode.DOWN);
        return potential.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : potential.longValueExact();
    }
}
