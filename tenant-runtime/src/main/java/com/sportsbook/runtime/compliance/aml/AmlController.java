package com.sportsbook.runtime.compliance.aml;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.exports.Csv;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AML queue for compliance officers: cases (open first, nearest deadline first), a case file, assigning an
 * owner, deciding with a reason, the suspicious-activity report (JSON or CSV), and the monitoring thresholds.
 */
@RestController
class AmlController {

    private final AmlCases cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    AmlController(AmlCases cases, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Owner(String owner) {
    }

    record DecisionRequest(String decision, String reason) {
    }

    record Thresholds(Long largeDeposit, Long reportingThreshold, BigDecimal structuringBand, Integer structuringCount,
            Integer structuringWindowHours, Integer velocityCount, Integer velocityWindowHours, BigDecimal churnWithdrawalShare,
            BigDecimal churnMaxWageredShare, Integer churnWindowHours, Integer paymentMethods, Integer paymentMethodsWindowDays,
            Integer caseDeadlineDays, Long pepDepositReviewAmount, String updatedBy) {
    }

    @GetMapping("/api/v1/backoffice/compliance/aml/cases")
    @Operation(summary = "AML cases, open first and nearest deadline first; status=open|closed to filter")
    @Transactional(readOnly = true)
    ResponseEntity<?> queue(@RequestParam(required = false) String status) {
        if (status != null && !List.of("open", "closed").contains(status)) {
            return Problems.invalidField("Unknown status.", "status", "open or closed");
        }
        return ResponseEntity.ok(cases.queue(status, 500));
    }

    @GetMapping("/api/v1/backoffice/compliance/aml/cases/{caseId}")
    @Operation(summary = "A case: alerts, the money movements behind them, its history")
    @Transactional(readOnly = true)
    ResponseEntity<?> file(@PathVariable String caseId) {
        return id(caseId).flatMap(cases::find).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> unknown(caseId));
    }

    @PutMapping("/api/v1/backoffice/compliance/aml/cases/{caseId}/owner")
    @Operation(summary = "Assign the case to an officer")
    @Transactional
    ResponseEntity<?> assign(@PathVariable String caseId, @RequestBody(required = false) Owner owner, JwtAuthenticationToken caller) {
        Optional<UUID> id = id(caseId);
        if (id.isEmpty()) {
            return unknown(caseId);
        }
        return answer(cases.assign(id.get(), owner == null ? null : owner.owner(), RealmTokens.actor(caller.getToken())), id.get());
    }

    @PostMapping("/api/v1/backoffice/compliance/aml/cases/{caseId}/decision")
    @Operation(summary = "Decide the case with a reason (no_action, sar_filed, account_suspended, enhanced_due_diligence); closes it")
    @Transactional
    ResponseEntity<?> decide(@PathVariable String caseId, @RequestBody(required = false) DecisionRequest request,
            JwtAuthenticationToken caller) {
        Optional<UUID> id = id(caseId);
        if (id.isEmpty()) {
            return unknown(caseId);
        }
        return answer(cases.decide(id.get(), request == null ? null : request.decision(), request == null ? null : request.reason(),
                RealmTokens.actor(caller.getToken())), id.get());
    }

    @GetMapping("/api/v1/backoffice/compliance/aml/cases/{caseId}/report")
    @Operation(summary = "The case's suspicious-activity report, JSON or format=csv (its activity lines)")
    @Transactional
    ResponseEntity<?> report(@PathVariable String caseId, @RequestParam(defaultValue = "json") String format,
            JwtAuthenticationToken caller) {
        Optional<AmlCases.SuspiciousActivityReport> report = id(caseId).flatMap(id -> cases.report(id, RealmTokens.actor(caller.getToken())));
        if (report.isEmpty()) {
            return unknown(caseId);
        }
        if (!"csv".equals(format)) {
            return ResponseEntity.ok(report.get());
        }
        AmlCases.SuspiciousActivityReport sar = report.get();
        return Csv.attachment("sar-" + caseId + ".csv", Csv.write(
                List.of("case_id", "player_id", "payment_id", "kind", "amount", "currency", "payment_method", "at"),
                sar.activity().stream().map(m -> java.util.Arrays.<Object>asList(sar.caseId(), sar.subject().playerId(),
                        m.paymentId(), m.kind(), m.amount(), m.currency(), m.paymentMethod(), m.at())).toList()));
    }

    @GetMapping("/api/v1/backoffice/compliance/aml/settings")
    @Operation(summary = "The monitoring thresholds (minor units, shares as decimals, windows in hours or days), and how"
            + " much a PEP may deposit while their enhanced due diligence is pending (pepDepositReviewAmount)")
    @Transactional(readOnly = true)
    Thresholds settings() {
        return jdbc.sql("SELECT large_deposit, reporting_threshold, structuring_band, structuring_count, structuring_window_hours, velocity_count,"
                + " velocity_window_hours, churn_withdrawal_share, churn_max_wagered_share, churn_window_hours, payment_methods,"
                + " payment_methods_window_days, case_deadline_days, pep_deposit_review_amount, updated_by FROM aml_settings WHERE id = 1").query((rs, n) -> new Thresholds(rs.getLong("large_deposit"),
                rs.getLong("reporting_threshold"), rs.getBigDecimal("structuring_band"), rs.getInt("structuring_count"),
                rs.getInt("structuring_window_hours"), rs.getInt("velocity_count"), rs.getInt("velocity_window_hours"),
                rs.getBigDecimal("churn_withdrawal_share"), rs.getBigDecimal("churn_max_wagered_share"),
                rs.getInt("churn_window_hours"), rs.getInt("payment_methods"), rs.getInt("payment_methods_window_days"),
                rs.getInt("case_deadline_days"), rs.getLong("pep_deposit_review_amount"), rs.getString("updated_by"))).single();
    }

    @PutMapping("/api/v1/backoffice/compliance/aml/settings")
    @Operation(summary = "Set every monitoring threshold at once (pepDepositReviewAmount may be left out: unchanged)")
    @Transactional
    ResponseEntity<?> update(@RequestBody(required = false) Thresholds t, JwtAuthenticationToken caller) {
        if (t == null || t.largeDeposit() == null || t.largeDeposit() < 1 || t.reportingThreshold() == null || t.reportingThreshold() < 1
                || t.structuringBand() == null || t.structuringBand().signum() <= 0 || t.structuringBand().compareTo(BigDecimal.ONE) >= 0
                || t.structuringCount() == null || t.structuringCount() < 2 || notPositive(t.structuringWindowHours())
                || t.velocityCount() == null || t.velocityCount() < 2 || notPositive(t.velocityWindowHours())
                || t.churnWithdrawalShare() == null || t.churnWithdrawalShare().signum() <= 0
                || t.churnWithdrawalShare().compareTo(BigDecimal.ONE) > 0 || t.churnMaxWageredShare() == null
                || t.churnMaxWageredShare().signum() < 0 || notPositive(t.churnWindowHours()) || t.paymentMethods() == null
                || t.paymentMethods() < 2 || notPositive(t.paymentMethodsWindowDays()) || t.caseDeadlineDays() == null
                || t.caseDeadlineDays() < 1 || t.caseDeadlineDays() > 90
                || (t.pepDepositReviewAmount() != null && t.pepDepositReviewAmount() < 0)) {
            return Problems.invalidField("The thresholds are not valid; nothing changed.", "thresholds",
                    "every field, amounts >= 1, band between 0 and 1, counts >= 2, windows > 0, deadline 1 to 90 days,"
                            + " PEP deposit review amount >= 0 or left out");
        }
        jdbc.sql("""
                UPDATE aml_settings SET large_deposit = ?, reporting_threshold = ?, structuring_band = ?, structuring_count = ?,
                  structuring_window_hours = ?, velocity_count = ?, velocity_window_hours = ?, churn_withdrawal_share = ?,
                  churn_max_wagered_share = ?, churn_window_hours = ?, payment_methods = ?, payment_methods_window_days = ?,
                  case_deadline_days = ?, pep_deposit_review_amount = COALESCE(?, pep_deposit_review_amount), updated_at = ?,
                  updated_by = ? WHERE id = 1""")
                .params(t.largeDeposit(), t.reportingThreshold(), t.structuringBand(), t.structuringCount(),
                        t.structuringWindowHours(), t.velocityCount(), t.velocityWindowHours(), t.churnWithdrawalShare(),
                        t.churnMaxWageredShare(), t.churnWindowHours(), t.paymentMethods(), t.paymentMethodsWindowDays(),
                        t.caseDeadlineDays(), t.pepDepositReviewAmount(), Timestamp.from(clock.instant()),
                        RealmTokens.actor(caller.getToken()))
                .update();
        return ResponseEntity.ok(settings());
    }

    private ResponseEntity<?> answer(Optional<AmlCases.Refused> refused, UUID caseId) {
        if (refused.isPresent()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Problems.response(HttpStatus.valueOf(refused.get().status()), refused.get().code(), refused.get().detail());
        }
        return ResponseEntity.ok(cases.find(caseId).orElseThrow());
    }

    private static boolean notPositive(Integer value) {
        return value == null || value < 1;
    }

    private static ResponseEntity<?> unknown(String caseId) {
        return Problems.response(HttpStatus.NOT_FOUND, "unknown_case", "There is no case " + caseId + ".");
    }

    private static Optional<UUID> id(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
