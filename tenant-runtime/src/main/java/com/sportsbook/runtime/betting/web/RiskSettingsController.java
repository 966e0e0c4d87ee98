package com.sportsbook.runtime.betting.web;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's risk settings for traders and risk managers: betting limits (minimum stake per line, maximum payout
 * per bet, liability limit per market, cash-out margin), the in-play bet delay per sport, and a player's stake
 * factor. Every change records who made it and when.
 */
@RestController
class RiskSettingsController {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    RiskSettingsController(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    record Limits(Long minStake, Long maxPayout, Long marketLiabilityLimit, BigDecimal cashOutMargin, String updatedBy) {
    }

    record Delay(String sport, int seconds, String updatedBy) {
    }

    record Settings(Limits limits, List<Delay> delays) {
    }

    record DelayRequest(Integer seconds) {
    }

    record FactorRequest(BigDecimal factor) {
    }

    @GetMapping("/api/v1/backoffice/risk/settings")
    @Operation(summary = "Betting limits and in-play bet delays per sport")
    @Transactional(readOnly = true)
    Settings settings() {
        Limits limits = jdbc.sql("SELECT min_stake, max_payout, market_liability_limit, cash_out_margin, updated_by FROM betting_limits")
                .query((rs, n) -> new Limits(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getString(5))).single();
        List<Delay> delays = jdbc.sql("SELECT sport_key, seconds, updated_by FROM bet_delay ORDER BY sport_key")
                .query((rs, n) -> new Delay(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
        return new Settings(limits, delays);
    }

    @PutMapping("/api/v1/backoffice/risk/limits")
    @Operation(summary = "Set the betting limits (minor units) and the cash-out margin (e.g. \"0.05\")")
    @Transactional
    ResponseEntity<?> limits(@RequestBody(required = false) Limits request, JwtAuthenticationToken caller) {
        if (request == null || request.minStake() == null || request.minStake() < 1 || request.maxPayout() == null
                || request.maxPayout() < request.minStake() || request.marketLiabilityLimit() == null || request.marketLiabilityLimit() < 1) {
            return Problems.invalidField("The limits are not valid; nothing changed.", "limits",
                    "minStake >= 1, maxPayout >= minStake and marketLiabilityLimit >= 1, in minor units");
        }
        if (request.cashOutMargin() == null || request.cashOutMargin().signum() < 0 || request.cashOutMargin().compareTo(new BigDecimal("0.5")) >= 0) {
            return Problems.invalidField("The cash-out margin is out of range.", "cashOutMargin", "a decimal from 0 to 0.5");
        }
        jdbc.sql("""
                UPDATE betting_limits SET min_stake = ?, max_payout = ?, market_liability_limit = ?, cash_out_margin = ?,
                  updated_at = ?, updated_by = ? WHERE id = 1""")
                .params(request.minStake(), request.maxPayout(), request.marketLiabilityLimit(), request.cashOutMargin(),
                        Timestamp.from(clock.instant()), who(caller))
                .update();
        audit.record(AuditEntry.of("risk.limits_changed", "betting_limits").by(who(caller)).with("minStake", request.minStake())
                .with("maxPayout", request.maxPayout()).with("marketLiabilityLimit", request.marketLiabilityLimit())
                .with("cashOutMargin", request.cashOutMargin()));
        return ResponseEntity.ok(settings().limits());
    }

    @PutMapping("/api/v1/backoffice/risk/delays/{sport}")
    @Operation(summary = "Set the in-play bet delay of a sport (or * for any), 0 to 60 seconds")
    @Transactional
    ResponseEntity<?> delay(@PathVariable String sport, @RequestBody(required = false) DelayRequest request, JwtAuthenticationToken caller) {
        if (!sport.equals("*") && jdbc.sql("SELECT count(*) FROM sport WHERE sport_key = ?").param(sport).query(Long.class).single() == 0) {
            return Problems.invalidField("No such sport.", "sport", "a sport the tenant offers, or *");
        }
        if (request == null || request.seconds() == null || request.seconds() < 0 || request.seconds() > 60) {
            return Problems.invalidField("The delay is out of range.", "seconds", "0 to 60");
        }
        jdbc.sql("""
                INSERT INTO bet_delay (sport_key, seconds, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (sport_key) DO UPDATE SET seconds = excluded.seconds, updated_at = excluded.updated_at,
                  updated_by = excluded.updated_by""")
                .params(sport, request.seconds(), Timestamp.from(clock.instant()), who(caller)).update();
        audit.record(AuditEntry.of("risk.bet_delay_changed", sport).by(who(caller)).with("seconds", request.seconds()));
        return ResponseEntity.ok(new Delay(sport, request.seconds(), who(caller)));
    }

    @PutMapping("/api/v1/backoffice/risk/players/{playerId}/stake-factor")
    @Operation(summary = "Set a player's stake factor (0.01 to 100; 0.1 for a sharp account, 2 for a VIP)")
    @Transactional
    ResponseEntity<?> stakeFactor(@PathVariable String playerId, @RequestBody(required = false) FactorRequest request,
            JwtAuthenticationToken caller) {
        UUID player;
        try {
            player = UUID.fromString(playerId);
        } catch (IllegalArgumentException e) {
            return Problems.invalidField("Not a player id.", "playerId", "a player id");
        }
        if (request == null || request.factor() == null || request.factor().compareTo(new BigDecimal("0.01")) < 0
                || request.factor().compareTo(new BigDecimal("100")) > 0 || request.factor().scale() > 2) {
            return Problems.invalidField("The stake factor is out of range.", "factor", "0.01 to 100, two decimals");
        }
        jdbc.sql("""
                INSERT INTO player_stake_factor (player_id, factor, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (player_id) DO UPDATE SET factor = excluded.factor, updated_at = excluded.updated_at,
                  updated_by = excluded.updated_by""")
                .params(player, request.factor(), Timestamp.from(clock.instant()), who(caller)).update();
        audit.record(AuditEntry.of("risk.stake_factor_changed", player).by(who(caller)).with("factor", request.factor()));
        return ResponseEntity.ok(Map.of("playerId", player, "factor", request.factor().toPlainString(), "updatedBy", who(caller)));
    }

    private static String who(JwtAuthenticationToken caller) {
        return RealmTokens.actor(caller.getToken());
    }
}
