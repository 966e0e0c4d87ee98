package com.sportsbook.runtime.settlement.web;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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
 * The tenant's settlement settings: above what liability a manual result needs a second approver, above what amount
 * a void does, and per sport how long a postponed event may wait before its bets are void. Changes record who made
 * them.
 */
@RestController
class SettlementSettingsController {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    SettlementSettingsController(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    record Thresholds(Long resultApprovalLiability, Long voidApprovalAmount, String updatedBy) {
    }

    record CutOff(String sport, int postponedHours, String updatedBy) {
    }

    record Settings(Thresholds thresholds, List<CutOff> cutOffs) {
    }

    record CutOffRequest(Integer postponedHours) {
    }

    @GetMapping("/api/v1/backoffice/settlement/settings")
    @Operation(summary = "Approval thresholds (minor units) and postponement cut-offs per sport")
    @Transactional(readOnly = true)
    Settings settings() {
        Thresholds thresholds = jdbc.sql("SELECT result_approval_liability, void_approval_amount, updated_by FROM settlement_settings")
                .query((rs, n) -> new Thresholds(rs.getLong(1), rs.getLong(2), rs.getString(3))).single();
        List<CutOff> cutOffs = jdbc.sql("SELECT sport_key, postponed_hours, updated_by FROM settlement_cutoff ORDER BY sport_key")
                .query((rs, n) -> new CutOff(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
        return new Settings(thresholds, cutOffs);
    }

    @PutMapping("/api/v1/backoffice/settlement/settings")
    @Operation(summary = "Set the approval thresholds (minor units; 0 means every manual result or void needs approval)")
    @Transactional
    ResponseEntity<?> thresholds(@RequestBody(required = false) Thresholds request, JwtAuthenticationToken caller) {
        if (request == null || request.resultApprovalLiability() == null || request.resultApprovalLiability() < 0
                || request.voidApprovalAmount() == null || request.voidApprovalAmount() < 0) {
            return Problems.invalidField("The thresholds are not valid; nothing changed.", "thresholds",
                    "resultApprovalLiability and voidApprovalAmount, 0 or more, in minor units");
        }
        jdbc.sql("""
                UPDATE settlement_settings SET result_approval_liability = ?, void_approval_amount = ?, updated_at = ?,
                  updated_by = ? WHERE id = 1""")
                .params(request.resultApprovalLiability(), request.voidApprovalAmount(), Timestamp.from(clock.instant()),
                        RealmTokens.actor(caller.getToken()))
                .update();
        audit.record(AuditEntry.of("settlement.thresholds_changed", "settlement_settings").by(RealmTokens.actor(caller.getToken()))
                .with("resultApprovalLiability", request.resultApprovalLiability())
                .with("voidApprovalAmount", request.voidApprovalAmount()));
        return ResponseEntity.ok(settings().thresholds());
    }

    @PutMapping("/api/v1/backoffice/settlement/cut-offs/{sport}")
    @Operation(summary = "Set how many hours (0 to 720) a postponed event of the sport (or * for any) may wait before its bets are void")
    @Transactional
    ResponseEntity<?> cutOff(@PathVariable String sport, @RequestBody(required = false) CutOffRequest request,
            JwtAuthenticationToken caller) {
        if (!sport.equals("*") && jdbc.sql("SELECT count(*) FROM sport WHERE sport_key = ?").param(sport).query(Long.class).single() == 0) {
            return Problems.invalidField("No such sport.", "sport", "a sport the tenant offers, or *");
        }
        if (request == null || request.postponedHours() == null || request.postponedHours() < 0 || request.postponedHours() > 720) {
            return Problems.invalidField("The cut-off is out of range.", "postponedHours", "0 to 720");
        }
        String actor = RealmTokens.actor(caller.getToken());
        jdbc.sql("""
                INSERT INTO settlement_cutoff (sport_key, postponed_hours, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (sport_key) DO UPDATE SET postponed_hours = excluded.postponed_hours,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(sport, request.postponedHours(), Timestamp.from(clock.instant()), actor).update();
        audit.record(AuditEntry.of("settlement.cut_off_changed", sport).by(actor).with("postponedHours", request.postponedHours()));
        return ResponseEntity.ok(new CutOff(sport, request.postponedHours(), actor));
    }
}
