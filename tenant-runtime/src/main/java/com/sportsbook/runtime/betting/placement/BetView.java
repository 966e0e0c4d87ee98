package com.sportsbook.runtime.betting.placement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bet as players and staff read it: its stake, status, legs as accepted, and every transition. */
public record BetView(UUID id, UUID playerId, String type, String currency, long unitStake, int lines, long totalStake,
        long potentialReturn, String oddsPolicy, boolean inPlay, String status, String reason, Instant placedAt,
        Instant acceptAfter, Instant decidedAt, List<Leg> legs, List<Transition> transitions) {

    public record Leg(int position, UUID selectionId, String selectionKey, String selection, UUID marketId, String marketType, BigDecimal line,
            long marketVersion, UUID eventId, String event, String sport, BigDecimal requestedPrice, BigDecimal price) {
    }

    public record Transition(String from, String to, String cause, Instant at) {
    }
}
