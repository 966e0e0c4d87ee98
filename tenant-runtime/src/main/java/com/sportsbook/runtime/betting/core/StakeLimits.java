package com.sportsbook.runtime.betting.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The most a player may stake per line on a betslip: the least of what the maximum payout per bet allows, and what
 * each market's liability headroom allows, scaled by the player's stake factor (0.1 for a sharp account, 2 for a
 * VIP). A line's liability on a leg's market is its potential return less its stake, conservatively charged to
 * every leg's market in full.
 */
public final class StakeLimits {

    private StakeLimits() {
    }

    /**
     * @param lineOdds        each line's odds (product of its legs' prices)
     * @param maxPayout       the maximum payout of one bet, minor units
     * @param headrooms       each leg's market liability headroom (limit less current liability), minor units
     * @param legsPerLine     for each line, the leg positions it contains
     * @param stakeFactor     the player's factor
     */
    public static long maxUnitStake(List<BigDecimal> lineOdds, long maxPayout, List<Long> headrooms,
            List<List<Integer>> legsPerLine, BigDecimal stakeFactor) {
        BigDecimal totalOdds = lineOdds.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byPayout = BigDecimal.valueOf(maxPayout).divide(totalOdds, 0, RoundingMode.DOWN);
        BigDecimal most = byPayout;
        for (int leg = 0; leg < headrooms.size(); leg++) {
            BigDecimal winningOdds = BigDecimal.ZERO;
            for (int line = 0; line < legsPerLine.size(); line++) {
                if (legsPerLine.get(line).contains(leg)) {
                    winningOdds = winningOdds.add(lineOdds.get(line).subtract(BigDecimal.ONE));
                }
            }
            if (winningOdds.signum() > 0) {
                BigDecimal byLiability = BigDecimal.valueOf(Math.max(0, headrooms.get(leg)))
                        .divide(winningOdds, 0, RoundingMode.DOWN);
                most = most.min(byLiability);
            }
        }
        return most.multiply(stakeFactor).setScale(0, RoundingMode.DOWN).longValueExact();
    }
}
