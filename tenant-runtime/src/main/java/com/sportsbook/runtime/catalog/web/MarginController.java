package com.sportsbook.runtime.catalog.web;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.catalog.ingest.MarginRules;
import com.sportsbook.runtime.feeds.MarketType;
import com.sportsbook.runtime.pricing.Margin;
import com.sportsbook.runtime.pricing.MarginMethod;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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
 * The tenant's margins per sport and market type, for traders: "*" stands for any sport or any type. A new margin
 * prices the market's next update from the feed; the source price stays beside the offered one in the history.
 */
@RestController
class MarginController {

    private final MarginRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    MarginController(MarginRules rules, JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    record RuleView(String sport, String marketType, String method, String overround, String updatedBy) {
    }

    record RuleRequest(String method, String overround) {
    }

    @GetMapping("/api/v1/backoffice/margins")
    @Operation(summary = "The tenant's margin rules per sport and market type")
    @Transactional(readOnly = true)
    List<RuleView> margins() {
        return rules.all().stream().map(MarginController::view).toList();
    }

    @PutMapping("/api/v1/backoffice/margins/{sport}/{marketType}")
    @Operation(summary = "Set the margin (method and overround, e.g. \"0.05\") for a sport and market type; * for any")
    @Transactional
    ResponseEntity<?> set(@PathVariable String sport, @PathVariable String marketType, @RequestBody RuleRequest request,
            JwtAuthenticationToken caller) {
        if (!sport.equals(MarginRules.ANY) && jdbc.sql("SELECT count(*) FROM sport WHERE sport_key = ?").param(sport)
                .query(Long.class).single() == 0) {
            return Problems.invalidField("No such sport.", "sport", "a sport the tenant offers, or *");
        }
        if (!marketType.equals(MarginRules.ANY) && MarketType.fromWire(marketType).isEmpty()) {
            return Problems.invalidField("No such market type.", "marketType", "a market type, or *");
        }
        MarginMethod method;
        BigDecimal overround;
        try {
            method = MarginMethod.valueOf(request.method().strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return Problems.invalidField("Unknown margin method.", "method", "proportional, additive or power");
        }
        try {
            overround = new BigDecimal(request.overround().strip());
            new Margin(method, overround);
        } catch (RuntimeException e) {
            return Problems.invalidField("The overround is out of range.", "overround", "a decimal from 0 to 0.5, e.g. \"0.05\"");
        }
        MarginRules.Rule rule = rules.set(sport, marketType.equals(MarginRules.ANY) ? MarginRules.ANY
                : MarketType.fromWire(marketType).orElseThrow().wire(), new Margin(method, overround),
                RealmTokens.actor(caller.getToken()), clock.instant());
        audit.record(AuditEntry.of("margin.changed", rule.sport() + "/" + rule.marketType()).by(rule.updatedBy())
                .with("sport", rule.sport()).with("marketType", rule.marketType()).with("method", view(rule).method())
                .with("overround", rule.overround()));
        return ResponseEntity.ok(view(rule));
    }

    private static RuleView view(MarginRules.Rule rule) {
        return new RuleView(rule.sport(), rule.marketType(), rule.method().name().toLowerCase(Locale.ROOT),
                rule.overround().stripTrailingZeros().toPlainString(), rule.updatedBy());
    }
}
