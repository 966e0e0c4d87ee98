package com.sportsbook.runtime.betting.placement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bet as players and staff read it: its stake, status, legs as accepted (and, once settled, how each resolved),
 * what it returned ({@code settledReturn}, null until settled) and every transition.
 */
public record BetView(UUID id, UUID playerId, String type, String currency, long unitStake, int lines, long totalStake,
        long potentialReturn, String oddsPolicy, boolean inPlay, String status, String reason, Instant placedAt,
        Instant acceptAfter, Instant decidedAt, Long settledReturn, List<Leg> legs, List<Transition> transitions) {

    /** {@code outcome} and {@code voidReason} are null until the leg is settled. */
    public record Leg(int position, UUID selectionId, String selectionKey, String selection, UUID marketId, String marketType, BigDecimal line,
            long marketVersion, UUID eventId, String event, String sport, BigDecimal requestedPrice, BigDecimal price,
            String outcome, String voidReason) {

        public Leg(int position, UUID selectionId, String selectionKey, String selection, UUID marketId, String marketType,
                BigDecimal line, long marketVersion, UUID eventId, String event, String sport, BigDecimal requestedPrice,
                BigDecimal price) {
            this(position, selectionId, selectionKey, selection, marketId, marketType, line, marketVersion, eventId, event,
                    sport, requestedPrice, price, null, null);
        }
    }

    public record Transition(String from, String to, String cause, Instant at) {
    }
}
