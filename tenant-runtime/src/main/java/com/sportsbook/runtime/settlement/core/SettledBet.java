package com.sportsbook.runtime.settlement.core;

import java.util.List;

/**
 * A bet's settlement from its legs' outcomes: the return (each line's stake times the product of its legs' effective
 * odds, summed and rounded down once) and the status players see. A single takes its leg's outcome; a multiple or
 * system is void when every leg is void, lost when it returns nothing, won otherwise.
 */
public record SettledBet(Status status, long payout) {

    public enum Status {
        WON,
        LOST,
        VOID,
        HALF_WON,
        HALF_LOST;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static SettledBet of(long unitStake, List<SettlementReturns.Leg> legs, List<List<Integer>> lines) {
        long payout = SettlementReturns.of(unitStake, legs, lines);
        if (legs.stream().allMatch(leg -> leg.outcome().kind() == Outcome.Kind.VOID)) {
            return new SettledBet(Status.VOID, payout);
        }
        if (payout == 0) {
            return new SettledBet(Status.LOST, 0);
        }
        if (legs.size() == 1) {
            Status status = switch (legs.getFirst().outcome().kind()) {
                case WIN, DEAD_HEAT -> Status.WON;
                case HALF_WIN -> Status.HALF_WON;
                case HALF_LOSE -> Status.HALF_LOST;
                case VOID -> Status.VOID;
                case LOSE -> Status.LOST;
            };
            return new SettledBet(status, payout);
        }
        return new SettledBet(Status.WON, payout);
    }
}
