package com.sportsbook.runtime.betting.placement;

import com.sportsbook.commons.sql.RoundTrip;
import com.sportsbook.runtime.identity.PlayerView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a player may place this bet beyond the account being active and the bet being tradeable: identity
 * verification where the jurisdiction requires it, self-exclusion and time-outs, wager and loss limits, the
 * jurisdiction's bet types, markets, in-play rules and stake cap. Asked inside the placement's transaction once the
 * legs are priced. Implemented by compliance; until that lands, {@link PermissiveBettingGateUntilComplianceLands}
 * lets every active player bet.
 */
public interface BettingGate {

    /** One leg as it would be accepted: its event, sport, market type (the feed's wire name) and whether it is in play. */
    record Leg(UUID eventId, String sport, String marketType, boolean inPlay) {
    }

    /**
     * The bet as the gate judges it.
     *
     * @param shape      the bet shape's wire name ({@code single}, {@code multiple}, {@code trixie}, {@code 2/4}...)
     * @param totalStake every line's stake together, in minor units of {@code currency}
     */
    record Wager(String shape, long totalStake, String currency, boolean inPlay, List<Leg> legs) {
        public Wager {
            legs = List.copyOf(legs);
        }
    }

    /**
     * Why the bet is refused.
     *
     * @param code    the problem detail's stable code ({@code self_excluded}, {@code loss_limit_exceeded},
     *                {@code market_not_allowed}...)
     * @param status  403 when the player may not bet at all now, 422 when this bet breaks a rule or limit
     * @param details extra fields of the problem detail (the limit, what is left...)
     */
    record Refusal(String code, int status, String detail, Map<String, Object> details) {
        public Refusal {
            details = Map.copyOf(details);
        }
    }

    /** Why the player may not place this bet, or empty when they may. */
    Optional<Refusal> refusal(PlayerView player, Wager wager);

    /** The gate's judgement of one bet, once its legs are priced. */
    @FunctionalInterface
    interface Check {
        Optional<Refusal> refusal(Wager wager);
    }

    /**
     * What the gate reads of the player, added to the placement's first round trip (with the offers and limits), and
     * the check that judges the bet with it after the trip: the same answers as {@link #refusal}. By default the gate
     * reads when asked.
     */
    default Check prepare(PlayerView player, RoundTrip trip) {
        return wager -> refusal(player, wager);
    }

    /** The least delay before an in-play bet of this player is accepted (the jurisdiction's); trading may ask more. */
    default Duration minimumInPlayDelay(PlayerView player) {
        return Duration.ZERO;
    }
}
