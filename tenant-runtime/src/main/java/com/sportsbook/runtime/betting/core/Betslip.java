package com.sportsbook.runtime.betting.core;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a player asks to bet: the shape, the stake per line in minor units of a currency, the selections with the
 * prices the player saw, and what to do if a price moved. {@link #problem} is every check that needs nothing but
 * the slip itself; the catalog, the limits and the wallet check the rest.
 */
public record Betslip(BetShape shape, long unitStake, String currency, List<Leg> legs, OddsPolicy policy) {

    /** The largest stake per line anyone may ask for (1e10 minor units): beyond it a stake is absurd, not large. */
    public static final long ABSURD_STAKE = 10_000_000_000L;

    public record Leg(UUID selectionId, BigDecimal price) {
    }

    public record Refusal(BetRejection reason, String detail) {
    }

    public Betslip {
        legs = List.copyOf(legs);
    }

    public long totalStake() {
        return Math.multiplyExact(unitStake, (long) lines().size());
    }

    public List<List<Integer>> lines() {
        return shape.lines(legs.size());
    }

    public Optional<Refusal> problem(String playerCurrency) {
        if (unitStake <= 0 || unitStake > ABSURD_STAKE) {
            return refuse(BetRejection.INVALID_BETSLIP, "A stake is a positive amount in minor units, at most " + ABSURD_STAKE + ".");
        }
        if (!playerCurrency.equals(currency)) {
            return refuse(BetRejection.WRONG_CURRENCY, "Bets are placed in your account's currency, " + playerCurrency + ".");
        }
        if (legs.isEmpty()) {
            return refuse(BetRejection.INVALID_BETSLIP, "A bet has at least one selection.");
        }
        if (legs.size() > BetShape.MAXIMUM_LEGS) {
            return refuse(BetRejection.TOO_MANY_SELECTIONS, "A bet has at most " + BetShape.MAXIMUM_LEGS + " selections.");
        }
        Set<UUID> seen = new HashSet<>();
        for (Leg leg : legs) {
            if (leg.selectionId() == null || leg.price() == null || leg.price().compareTo(new BigDecimal("1.01")) < 0
                    || leg.price().scale() > 2) {
                return refuse(BetRejection.INVALID_BETSLIP, "Each selection names its id and the decimal price seen (at least 1.01, two decimals).");
            }
            if (!seen.add(leg.selectionId())) {
                return refuse(BetRejection.DUPLICATE_SELECTION, "The same selection appears twice.");
            }
        }
        if (!shape.accepts(legs.size())) {
            return refuse(BetRejection.INVALID_BETSLIP, "A " + shape.name() + " takes " + shape.minimumLegs()
                    + (shape.maximumLegs() == shape.minimumLegs() ? "" : " to " + shape.maximumLegs()) + " selections, not "
                    + legs.size() + ".");
        }
        if (Math.multiplyHigh(unitStake, lines().size()) != 0 || unitStake * lines().size() > ABSURD_STAKE) {
            return refuse(BetRejection.INVALID_BETSLIP, "The total stake is absurd.");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(BetRejection reason, String detail) {
        return Optional.of(new Refusal(reason, detail));
    }
}
