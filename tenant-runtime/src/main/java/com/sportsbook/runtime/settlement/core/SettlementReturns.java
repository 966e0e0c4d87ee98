package com.sportsbook.runtime.settlement.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a graded bet returns: each line returns its stake times the product of its legs' effective odds (a void
 * leg counts 1, a losing leg makes the line lose); the bet returns the sum of its lines, rounded down to the minor
 * unit once, at the end.
 */
public final class SettlementReturns {

    private SettlementReturns() {
    }

    /** One leg: the price taken and how it resolved. */
    public record Leg(BigDecimal price, Outcome outcome) {
    }

    public static long of(long unitStake, List<Leg> legs, List<List<Integer>> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (List<Integer> line : lines) {
            BigDecimal odds = BigDecimal.ONE;
            for (int position : line) {
                Leg leg = legs.get(position);
                odds = odds.multiply(leg.outcome().effectiveOdds(leg.price()), MathContext.DECIMAL128);
            }
            total = total.add(odds, MathContext.DECIMAL128);
        }
        return BigDecimal.valueOf(unitStake).multiply(total, MathContext.DECIMAL128).setScale(0, RoundingMode.DOWN).longValueExact();
    }
}
