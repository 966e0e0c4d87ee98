package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.commons.rules.KycTiming;
import com.sportsbook.commons.sql.RoundTrip;
import com.sportsbook.runtime.betting.placement.BettingGate;
import com.sportsbook.runtime.compliance.kyc.KycStatus;
import com.sportsbook.runtime.compliance.responsible.core.Headroom;
import com.sportsbook.runtime.compliance.responsible.core.LimitChanges;
import com.sportsbook.runtime.compliance.responsible.core.LimitKind;
import com.sportsbook.runtime.compliance.responsible.core.LimitPeriod;
import com.sportsbook.runtime.compliance.rules.BrandRules;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.identity.PlayerView;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Betting's gate answered by compliance, in the placement's transaction: the person's exclusion, identity
 * verification the jurisdiction wants before play, the jurisdiction's bet types, markets, in-play rules and stake
 * cap, then the player's session-time, wager and loss limits (the lowest headroom of their periods; a bet refused by
 * one is recorded as a limit hit). The rules fail closed. Also the jurisdiction's least in-play bet delay.
 */
final class ResponsibleBettingGate implements BettingGate {

    private final ExclusionChecks checks;
    private final BettingStanding standings;
    private final Usage usage;
    private final EffectiveRules rules;
    private final KycStatus kyc;
    private final JdbcClient jdbc;
    private final LimitHits hits;

    ResponsibleBettingGate(ExclusionChecks checks, BettingStanding standings, Usage usage, EffectiveRules rules,
            KycStatus kyc, JdbcClient jdbc, LimitHits hits) {
        this.checks = checks;
        this.standings = standings;
        this.usage = usage;
        this.rules = rules;
        this.kyc = kyc;
        this.jdbc = jdbc;
        this.hits = hits;
    }

    @Override
    public Optional<Refusal> refusal(PlayerView player, Wager wager) {
        return refusal(player, wager, standings.of(player));
    }

    /** The player's exclusions and limits are read in the placement's first round trip. */
    @Override
    public Check prepare(PlayerView player, RoundTrip trip) {
        RoundTrip.Answer<BettingStanding.Standing> standing = standings.of(player, trip);
        return wager -> refusal(player, wager, standing.get());
    }

    private Optional<Refusal> refusal(PlayerView player, Wager wager, BettingStanding.Standing standing) {
        BrandRules brand = rules.forBrand(player.brand());
        Optional<Exclusions.Exclusion> excluded = checks.exclusionOf(player, standing.exclusions());
        if (excluded.isPresent()) {
            return refuse(excluded.get().kind().status().wireName(), 403, excluded.get().asRestriction().detail(), Map.of());
        }
        if (brand.kycTiming() == KycTiming.BEFORE_PLAY && !kyc.of(player.id()).verified()) {
            return refuse("kyc_required", 403, "The rules of " + String.join(", ", brand.jurisdictions())
                    + " require your identity to be verified before you bet.", Map.of());
        }
        if (!brand.allowsBetShape(wager.shape())) {
            return refuse("bet_type_not_allowed", 422, "A " + BrandRules.betTypeOf(wager.shape()) + " bet may not be offered under the rules of "
                    + String.join(", ", brand.jurisdictions()) + ".", Map.of("betType", BrandRules.betTypeOf(wager.shape())));
        }
        if (wager.inPlay() && !brand.inPlayAllowed()) {
            return refuse("in_play_not_allowed", 422, "Bets in play may not be taken under the rules of "
                    + String.join(", ", brand.jurisdictions()) + ".", Map.of());
        }
        for (Leg leg : wager.legs()) {
            if (!brand.allowsMarket(leg.marketType(), leg.inPlay())) {
                return refuse("market_not_allowed", 422, "Bets on " + leg.marketType().replace('_', ' ') + " markets"
                        + (leg.inPlay() ? " in play" : "") + " may not be taken under the rules of "
                        + String.join(", ", brand.jurisdictions()) + ".", Map.of("marketType", leg.marketType()));
            }
        }
        OptionalLong cap = brand.maxStakePerBet().in(wager.currency());
        if (cap.isPresent() && wager.totalStake() > cap.getAsLong()) {
            return refuse("stake_above_jurisdiction_cap", 422, "A bet's stake is at most " + cap.getAsLong() + " "
                    + wager.currency() + " under the rules of " + String.join(", ", brand.jurisdictions()) + ".",
                    Map.of("maxStake", cap.getAsLong()));
        }
        return limitRefusal(player, wager, standing.limits());
    }

    private Optional<Refusal> limitRefusal(PlayerView player, Wager wager,
            Map<LimitKind, Map<LimitPeriod, LimitChanges.Limit>> all) {
        if (all.isEmpty() || !player.currency().equals(wager.currency())) {
            return Optional.empty();
        }
        // two bets at once must not both fit the same headroom: the player's limit checks take turns
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("rg-bet:" + player.id()).query().singleRow();
        Map<LimitPeriod, Long> sessionLimits = amounts(all.get(LimitKind.SESSION_TIME));
        if (!sessionLimits.isEmpty()) {
            Map<LimitPeriod, Long> played = new EnumMap<>(LimitPeriod.class);
            sessionLimits.keySet().forEach(period -> played.put(period, usage.minutesPlayed(player, period)));
            if (Headroom.remaining(sessionLimits, played) <= 0) {
                hits.hit(player, LimitKind.SESSION_TIME, "session_time_limit_reached", wager.totalStake(),
                        "bet refused: session-time limit " + wire(sessionLimits) + " minutes, played " + wire(played));
                return refuse("session_time_limit_reached", 403, "You have reached your session-time limit.",
                        Map.of("limits", wire(sessionLimits)));
            }
        }
        Map<LimitPeriod, Long> wagerLimits = amounts(all.get(LimitKind.WAGER));
        Map<LimitPeriod, Long> lossLimits = amounts(all.get(LimitKind.LOSS));
        if (wagerLimits.isEmpty() && lossLimits.isEmpty()) {
            return Optional.empty();
        }
        Map<LimitPeriod, Usage.Money> money = new EnumMap<>(LimitPeriod.class);
        for (LimitPeriod period : LimitPeriod.values()) {
            if (wagerLimits.containsKey(period) || lossLimits.containsKey(period)) {
                money.put(period, usage.money(player, period));
            }
        }
        long wagerLeft = Headroom.remaining(wagerLimits, used(money, LimitKind.WAGER));
        if (wager.totalStake() > wagerLeft) {
            hits.hit(player, LimitKind.WAGER, "wager_limit_exceeded", wager.totalStake(), "bet of " + wager.totalStake()
                    + " " + wager.currency() + " refused: " + wagerLeft + " left of the wager limit " + wire(wagerLimits));
            return refuse("wager_limit_exceeded", 422, "This stake would take you over your wager limit: "
                    + wagerLeft + " " + wager.currency() + " left.", Map.of("remaining", wagerLeft));
        }
        // the whole stake may be lost: it must fit the loss limit
        long lossLeft = Headroom.remaining(lossLimits, used(money, LimitKind.LOSS));
        if (wager.totalStake() > lossLeft) {
            hits.hit(player, LimitKind.LOSS, "loss_limit_exceeded", wager.totalStake(), "bet of " + wager.totalStake()
                    + " " + wager.currency() + " refused: " + lossLeft + " left of the loss limit " + wire(lossLimits));
            return refuse("loss_limit_exceeded", 422, "This stake could take you over your loss limit: "
                    + lossLeft + " " + wager.currency() + " left.", Map.of("remaining", lossLeft));
        }
        return Optional.empty();
    }

    @Override
    public Duration minimumInPlayDelay(PlayerView player) {
        return rules.forBrand(player.brand()).inPlayBetDelay();
    }

    static Map<LimitPeriod, Long> amounts(Map<LimitPeriod, LimitChanges.Limit> limits) {
        Map<LimitPeriod, Long> amounts = new EnumMap<>(LimitPeriod.class);
        if (limits != null) {
            limits.forEach((period, limit) -> {
                if (limit.amount() != null) {
                    amounts.put(period, limit.amount());
                }
            });
        }
        return amounts;
    }

    private static Map<LimitPeriod, Long> used(Map<LimitPeriod, Usage.Money> money, LimitKind kind) {
        Map<LimitPeriod, Long> used = new EnumMap<>(LimitPeriod.class);
        money.forEach((period, moved) -> used.put(period, moved.of(kind)));
        return used;
    }

    static Map<String, Long> wire(Map<LimitPeriod, Long> amounts) {
        Map<String, Long> wire = new java.util.LinkedHashMap<>();
        amounts.forEach((period, amount) -> wire.put(period.wire(), amount));
        return wire;
    }

    private static Optional<Refusal> refuse(String code, int status, String detail, Map<String, Object> details) {
        return Optional.of(new Refusal(code, status, detail, details));
    }
}
