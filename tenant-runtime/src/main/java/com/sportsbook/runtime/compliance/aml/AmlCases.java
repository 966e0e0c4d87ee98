package com.sportsbook.runtime.compliance.aml;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * AML cases for compliance officers: the queue (open or closed, overdue first), a case with its alerts, the money
 * movements behind them and its history; assigning an owner; deciding (no action, SAR filed, account suspended,
 * enhanced due diligence) with a reason, which closes the case; and the suspicious-activity report of a case.
 * Every assignment, decision and report export is also written to the tenant's audit log, in the same transaction.
 * Runs in the caller's transaction.
 */
public final class AmlCases {

    public static final Set<String> DECISIONS = Set.of("no_action", "sar_filed", "account_suspended", "enhanced_due_diligence");

    public record CaseSummary(UUID id, UUID playerId, String brand, String status, String owner, Instant deadline,
            boolean overdue, int alerts, String decision, Instant openedAt) {
    }

    public record Alert(UUID id, String rule, long amount, String currency, String detail, Instant raisedAt) {
    }

    public record Movement(UUID paymentId, String kind, long amount, String currency, String paymentMethod, Instant at) {
    }

    public record Event(Instant at, String actor, String action, String detail) {
    }

    public record CaseFile(CaseSummary summary, String decisionReason, String decidedBy, Instant decidedAt,
            List<Alert> alerts, List<Movement> movements, List<Event> history) {
    }

    /** The suspicious-activity report of a case: who reports, about whom, what happened, and why it is suspicious. */
    public record SuspiciousActivityReport(String reportingTenant, String brand, UUID caseId, Instant preparedAt,
            String preparedBy, Subject subject, List<Alert> grounds, List<Movement> activity, String narrative,
            String decision, String decidedBy, Instant decidedAt) {
    }

    public record Subject(UUID playerId, String firstName, String lastName, String dateOfBirth, String country,
            String email, Instant registeredAt) {
    }

    /** An alert with where its case stands, as the regulator's AML report lists it. */
    public record RaisedAlert(UUID id, Instant raisedAt, UUID playerId, String brand, String rule, long amount,
            String currency, String detail, UUID caseId, String caseStatus, String owner, String decision,
            String decidedBy, Instant decidedAt) {
    }

    /** Why a case command was refused; nothing changed. */
    public record Refused(int status, String code, String detail) {
    }

    private final JdbcClient jdbc;
    private final Players players;
    private final Clock clock;
    private final AuditTrail audit;

    public AmlCases(JdbcClient jdbc, Players players, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.players = players;
        this.clock = clock;
        this.audit = audit;
    }

    public List<CaseSummary> queue(String status, int limit) {
        return jdbc.sql(SUMMARY + " WHERE (CAST(? AS varchar) IS NULL OR c.status = ?) ORDER BY c.status DESC, c.deadline LIMIT ?")
                .params(status, status, limit).query((rs, row) -> summary(rs)).list();
    }

    public Optional<CaseFile> find(UUID caseId) {
        return jdbc.sql(SUMMARY + " WHERE c.id = ?").param(caseId).query((rs, row) -> new CaseFile(summary(rs),
                rs.getString("decision_reason"), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
                List.of(), List.of(), List.of())).optional().map(head -> new CaseFile(head.summary(), head.decisionReason(),
                head.decidedBy(), head.decidedAt(), alerts(caseId), movements(head.summary().playerId()), history(caseId)));
    }

    public Optional<Refused> assign(UUID caseId, String owner, String actor) {
        if (owner == null || owner.isBlank() || owner.length() > 200) {
            return Optional.of(new Refused(422, "owner_required", "Name the case's owner (1 to 200 characters)."));
        }
        Optional<Refused> open = lockOpen(caseId);
        if (open.isPresent()) {
            return open;
        }
        jdbc.sql("UPDATE aml_case SET owner = ? WHERE id = ?").params(owner.strip(), caseId).update();
        event(caseId, actor, "assigned", "owner " + owner.strip());
        audit.record(AuditEntry.of("aml.case_assigned", caseId).reference(playerOf(caseId)).by(actor)
                .with("owner", owner.strip()));
        return Optional.empty();
    }

    public Optional<Refused> decide(UUID caseId, String decision, String reason, String actor) {
        if (decision == null || !DECISIONS.contains(decision)) {
            return Optional.of(new Refused(422, "invalid_decision", "A decision is one of " + DECISIONS + "."));
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return Optional.of(new Refused(422, "reason_required", "Give the reason for the decision (1 to 2,000 characters)."));
        }
        Optional<Refused> open = lockOpen(caseId);
        if (open.isPresent()) {
            return open;
        }
        jdbc.sql("""
                UPDATE aml_case SET status = 'closed', decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?,
                  owner = coalesce(owner, ?) WHERE id = ?""")
                .params(decision, reason.strip(), actor, Timestamp.from(clock.instant()), actor, caseId).update();
        event(caseId, actor, "decided", decision + ": " + reason.strip());
        audit.record(AuditEntry.of("aml.case_decided", caseId).reference(playerOf(caseId)).by(actor)
                .with("decision", decision).with("reason", reason.strip())
                .with("owner", jdbc.sql("SELECT owner FROM aml_case WHERE id = ?").param(caseId).query(String.class).single()));
        return Optional.empty();
    }

    /** The case's suspicious-activity report; empty for an unknown case. */
    public Optional<SuspiciousActivityReport> report(UUID caseId, String preparedBy) {
        return find(caseId).map(file -> {
            PlayerView player = players.byId(file.summary().playerId()).orElse(null);
            Subject subject = player == null ? new Subject(file.summary().playerId(), null, null, null, null, null, null)
                    : new Subject(player.id(), player.firstName(), player.lastName(), String.valueOf(player.dateOfBirth()),
                            player.country(), player.email(), player.registeredAt());
            String narrative = file.decisionReason() != null ? file.decisionReason()
                    : "Open case: " + file.alerts().size() + " alert(s) under review.";
            event(caseId, preparedBy, "report_exported", "suspicious-activity report prepared");
            audit.record(AuditEntry.of("aml.report_exported", caseId).reference(file.summary().playerId()).by(preparedBy)
                    .with("alerts", file.alerts().size()).with("movements", file.movements().size()));
            return new SuspiciousActivityReport(TenantContext.require().slug().value(), file.summary().brand(), caseId,
                    clock.instant(), preparedBy, subject, file.alerts(), file.movements(), narrative, file.summary().decision(),
                    file.decidedBy(), file.decidedAt());
        });
    }

    /** Alerts raised in {@code [from, to)}, oldest first, with their case's owner and decision as they stand now. */
    public List<RaisedAlert> alertsRaised(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.raised_at, a.player_id, c.brand, a.rule, a.amount, a.currency, a.detail, c.id AS case_id,
                  c.status, c.owner, c.decision, c.decided_by, c.decided_at
                FROM aml_alert a JOIN aml_case c ON c.id = a.case_id
                WHERE a.raised_at >= ? AND a.raised_at < ? ORDER BY a.raised_at, a.id LIMIT ?""")
                .params(Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, row) -> new RaisedAlert(rs.getObject("id", UUID.class), rs.getTimestamp("raised_at").toInstant(),
                        rs.getObject("player_id", UUID.class), rs.getString("brand"), rs.getString("rule"), rs.getLong("amount"),
                        rs.getString("currency"), rs.getString("detail"), rs.getObject("case_id", UUID.class),
                        rs.getString("status"), rs.getString("owner"), rs.getString("decision"), rs.getString("decided_by"),
                        instant(rs.getTimestamp("decided_at"))))
                .list();
    }

    private Optional<Refused> lockOpen(UUID caseId) {
        Optional<String> status = jdbc.sql("SELECT status FROM aml_case WHERE id = ? FOR UPDATE").param(caseId)
                .query(String.class).optional();
        if (status.isEmpty()) {
            return Optional.of(new Refused(404, "unknown_case", "There is no case " + caseId + "."));
        }
        if (!"open".equals(status.get())) {
            return Optional.of(new Refused(409, "case_closed", "The case is closed."));
        }
        return Optional.empty();
    }

    private UUID playerOf(UUID caseId) {
        return jdbc.sql("SELECT player_id FROM aml_case WHERE id = ?").param(caseId).query(UUID.class).single();
    }

    private void event(UUID caseId, String actor, String action, String detail) {
        jdbc.sql("INSERT INTO aml_case_event (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")
                .params(caseId, Timestamp.from(clock.instant()), actor, action, detail).update();
    }

    private List<Alert> alerts(UUID caseId) {
        return jdbc.sql("SELECT id, rule, amount, currency, detail, raised_at FROM aml_alert WHERE case_id = ? ORDER BY raised_at")
                .param(caseId).query((rs, row) -> new Alert(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    private List<Movement> movements(UUID player) {
        return jdbc.sql("""
                SELECT payment_id, kind, amount, currency, payment_method, at FROM aml_movement WHERE player_id = ?
                ORDER BY at DESC LIMIT 500""")
                .param(player).query((rs, row) -> new Movement(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    private List<Event> history(UUID caseId) {
        return jdbc.sql("SELECT at, actor, action, detail FROM aml_case_event WHERE case_id = ? ORDER BY id").param(caseId)
                .query((rs, row) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static final String SUMMARY = """
            SELECT c.id, c.player_id, c.brand, c.status, c.owner, c.deadline, c.decision, c.decision_reason, c.decided_by,
              c.decided_at, c.opened_at, (SELECT count(*) FROM aml_alert a WHERE a.case_id = c.id) AS alerts
            FROM aml_case c""";

    private CaseSummary summary(ResultSet rs) throws SQLException {
        Instant deadline = rs.getTimestamp("deadline").toInstant();
        String status = rs.getString("status");
        return new CaseSummary(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class), rs.getString("brand"),
                status, rs.getString("owner"), deadline, "open".equals(status) && deadline.isBefore(clock.instant()),
                rs.getInt("alerts"), rs.getString("decision"), rs.getTimestamp("opened_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
