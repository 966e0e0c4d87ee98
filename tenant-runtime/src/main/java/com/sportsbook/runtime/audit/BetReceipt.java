package com.sportsbook.runtime.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the platform promises a player when it accepts a bet: the bet, the player, the time of acceptance, every leg
 * with its event, market, selection and price as accepted, the stake (per line and in total, minor units of the
 * currency) and the potential return. Signed in its {@link #canonical()} form (ADR 0016).
 *
 * @param tenant the operator whose book took the bet
 */
public record BetReceipt(UUID betId, UUID playerId, String tenant, Instant acceptedAt, String type, String currency,
        long unitStake, int lines, long totalStake, long potentialReturn, List<Leg> legs) {

    /** The version of the receipt's form; a new field means a new version, never a changed meaning. */
    public static final int VERSION = 1;

    /** {@code line} is the market's handicap or total line, null for markets without one. */
    public record Leg(int position, UUID eventId, String event, UUID marketId, String market, BigDecimal line,
            UUID selectionId, String selection, BigDecimal price) {
    }

    public BetReceipt {
        legs = List.copyOf(legs);
    }

    /**
     * The exact text that is signed: this receipt as canonical JSON (keys sorted, no whitespace, amounts as integers,
     * prices and lines as strings, the time in UTC with six fraction digits), encoded as UTF-8.
     */
    public String canonical() {
        return CanonicalJson.write(fields());
    }

    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", VERSION);
        fields.put("betId", betId);
        fields.put("playerId", playerId);
        fields.put("tenant", tenant);
        fields.put("acceptedAt", acceptedAt);
        fields.put("type", type);
        fields.put("currency", currency);
        fields.put("unitStake", unitStake);
        fields.put("lines", lines);
        fields.put("totalStake", totalStake);
        fields.put("potentialReturn", potentialReturn);
        fields.put("legs", legs.stream().map(leg -> {
            Map<String, Object> fieldsOfLeg = new LinkedHashMap<>();
            fieldsOfLeg.put("position", leg.position());
            fieldsOfLeg.put("eventId", leg.eventId());
            fieldsOfLeg.put("event", leg.event());
            fieldsOfLeg.put("marketId", leg.marketId());
            fieldsOfLeg.put("market", leg.market());
            fieldsOfLeg.put("line", leg.line());
            fieldsOfLeg.put("selectionId", leg.selectionId());
            fieldsOfLeg.put("selection", leg.selection());
            fieldsOfLeg.put("price", leg.price());
            return fieldsOfLeg;
        }).toList());
        return fields;
    }
}
