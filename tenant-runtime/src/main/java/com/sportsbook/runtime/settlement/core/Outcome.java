package com.sportsbook.runtime.settlement.core;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How one selection resolved (DOMAIN.md "Settlement"): win, lose, void (stake back), half-win (half wins at the
 * price, half refunded), half-lose (half lost, half refunded), or dead heat (the price times the places paid over
 * the competitors tied for them). {@link #effectiveOdds} is what the selection contributes to a return.
 */
public record Outcome(Kind kind, BigDecimal deadHeatFactor) {

    public enum Kind {
        WIN,
        LOSE,
        VOID,
        HALF_WIN,
        HALF_LOSE,
        DEAD_HEAT
    }

    public static final Outcome WIN = new Outcome(Kind.WIN, null);
    public static final Outcome LOSE = new Outcome(Kind.LOSE, null);
    public static final Outcome VOID = new Outcome(Kind.VOID, null);
    public static final Outcome HALF_WIN = new Outcome(Kind.HALF_WIN, null);
    public static final Outcome HALF_LOSE = new Outcome(Kind.HALF_LOSE, null);

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    public Outcome {
        if ((kind == Kind.DEAD_HEAT) != (deadHeatFactor != null)) {
            throw new IllegalArgumentException("a dead heat, and only a dead heat, has a factor");
        }
        if (deadHeatFactor != null && (deadHeatFactor.signum() <= 0 || deadHeatFactor.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("a dead-heat factor is above 0 and at most 1");
        }
    }

    /** A dead heat: {@code placesPaid} places shared by {@code tied} competitors (1 place, 2 tied: factor 0.5). */
    public static Outcome deadHeat(int placesPaid, int tied) {
        if (placesPaid < 1 || tied < placesPaid) {
            throw new IllegalArgumentException("a dead heat ties at least as many competitors as places paid");
        }
        return new Outcome(Kind.DEAD_HEAT, BigDecimal.valueOf(placesPaid).divide(BigDecimal.valueOf(tied), MathContext.DECIMAL64));
    }

    public BigDecimal effectiveOdds(BigDecimal price) {
        return switch (kind) {
            case WIN -> price;
            case LOSE -> BigDecimal.ZERO;
            case VOID -> BigDecimal.ONE;
            case HALF_WIN -> price.add(BigDecimal.ONE).divide(TWO, MathContext.DECIMAL64);
            case HALF_LOSE -> HALF;
            case DEAD_HEAT -> price.multiply(deadHeatFactor, MathContext.DECIMAL64);
        };
    }

    /** Two half-stakes (a quarter line) combined: win and push is a half-win, lose and push a half-lose. */
    static Outcome halves(Outcome lower, Outcome upper) {
        if (lower.kind == upper.kind) {
            return lower;
        }
        boolean win = lower.kind == Kind.WIN || upper.kind == Kind.WIN;
        boolean lose = lower.kind == Kind.LOSE || upper.kind == Kind.LOSE;
        if (win && lose) {
            throw new IllegalStateException("neighbouring half lines cannot both win and lose");
        }
        return win ? HALF_WIN : HALF_LOSE;
    }
}
