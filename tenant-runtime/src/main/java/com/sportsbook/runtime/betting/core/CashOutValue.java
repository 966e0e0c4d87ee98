package com.sportsbook.runtime.betting.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a running single or multiple is worth now (DOMAIN.md "Cash-out"): its stake times, for every leg still
 * open, the price taken over the price now, times the prices of the legs already won; the offer takes the
 * cash-out margin off. A fraction f of the stake cashes out f of the offer and leaves the rest running. Amounts are
 * minor units, rounded down (in the house's favour) once.
 */
public final class CashOutValue {

    private static final MathContext MC = MathContext.DECIMAL64;

    private CashOutValue() {
    }

    /** One leg: the price taken, and the price now (null once the leg is won: it counts at its taken price). */
    public record Leg(BigDecimal taken, BigDecimal now) {
    }

    /** The fair value of {@code stake} on these legs, unrounded. */
    public static BigDecimal fair(long stake, List<Leg> legs) {
        BigDecimal value = BigDecimal.valueOf(stake);
        for (Leg leg : legs) {
            value = leg.now() == null ? value.multiply(leg.taken(), MC) : value.multiply(leg.taken(), MC).divide(leg.now(), MC);
        }
        return value;
    }

    /** The offer for {@code stake} after the margin, in minor units. */
    public static long offer(long stake, List<Leg> legs, BigDecimal margin) {
        return fair(stake, legs).multiply(BigDecimal.ONE.subtract(margin), MC).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** The stake a fraction cashes out of {@code stake}: rounded down, at least one minor unit. */
    public static long stakePart(long stake, BigDecimal fraction) {
        long part = BigDecimal.valueOf(stake).multiply(fraction, MC).setScale(0, RoundingMode.DOWN).longValueExact();
        return Math.max(1, Math.min(stake, part));
    }
}
