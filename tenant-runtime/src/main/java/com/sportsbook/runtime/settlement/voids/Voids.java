package com.sportsbook.runtime.settlement.voids;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.betting.placement.BetView;
import com.sportsbook.runtime.settlement.core.Decision;
import com.sportsbook.runtime.settlement.core.Refusal;
import com.sportsbook.runtime.settlement.results.ResultBook;
import com.sportsbook.runtime.settlement.run.SettlementRuns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Manual voids of bets: each carries a reason from a fixed list, a detail and who asked; a void of a bet that
 * stands to pay (or paid) more than the tenant's approval amount waits for a second person (maker-checker). A bet
 * whose outcome is known (settled, or an event of it resulted) can only be voided as an obvious error, which the void
 * report shows. An applied void settles the bet void at once (stake back) or resettles it if it was settled. The
 * report lists manual voids and the voids settlement applied by rule (past-post, cancelled, abandoned, postponed).
 */
public final class Voids {

    public static final Set<String> REASONS = Set.of("obvious_error", "late_bet", "integrity", "technical_fault",
            "duplicate_bet", "related_contingency", "other");

    private static final Set<String> VOIDABLE = Set.of("accepted", "open", "partially_cashed_out", "won", "lost", "void",
            "half_won", "half_lost", "resettled");
    private static final Set<String> SETTLED = Set.of("won", "lost", "void", "half_won", "half_lost", "resettled");

    /** {@code obviousError} absent is false. */
    public record VoidRequest(String reason, String detail, Boolean obviousError) {
        public VoidRequest {
            obviousError = Boolean.TRUE.equals(obviousError);
        }
    }

    public record BetVoid(UUID id, UUID betId, String reason, String detail, boolean obviousError, String status,
            String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {
    }

    /** One void in the report: a manual one (with who asked and who approved) or one settlement applied by rule. */
    public record Reported(UUID betId, Integer legPosition, String reason, String detail, boolean obviousError,
            String source, String actor, String approvedBy, Instant at) {
    }

    private final JdbcClient jdbc;
    private final BetRecords bets;
    private final ResultBook results;
    private final SettlementRuns runs;
    private final Clock clock;
    private final AuditTrail audit;

    public Voids(JdbcClient jdbc, BetRecords bets, ResultBook results, SettlementRuns runs, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.bets = bets;
        this.results = results;
        this.runs = runs;
        this.clock = clock;
        this.audit = audit;
    }

    public Decision<BetVoid> request(UUID betId, VoidRequest request, String actor) {
        if (request.reason() == null || request.reason().isBlank()) {
            return Decision.refused(Refusal.invalid("reason_required", "A void needs a reason: one of " + REASONS + "."));
        }
        if (!REASONS.contains(request.reason())) {
            return Decision.refused(Refusal.invalid("invalid_reason", "A void reason is one of " + REASONS + "."));
        }
        if (request.detail() == null || request.detail().isBlank() || request.detail().length() > 500) {
            return Decision.refused(Refusal.invalid("detail_required", "Describe the void in 1 to 500 characters."));
        }
        Optional<BetView> found = bets.lock(betId);
        if (found.isEmpty()) {
            return Decision.refused(Refusal.notFound("unknown_bet", "There is no bet " + betId + "."));
        }
        BetView bet = found.get();
        if (!VOIDABLE.contains(bet.status())) {
            return Decision.refused(Refusal.conflict("bet_not_voidable", "A bet that is " + bet.status() + " cannot be voided."));
        }
        if (jdbc.sql("SELECT count(*) FROM bet_void WHERE bet_id = ? AND status IN ('pending_approval', 'applied')")
                .param(betId).query(Long.class).single() > 0) {
            return Decision.refused(Refusal.conflict("void_exists", "The bet is voided, or a void of it waits for approval."));
        }
        boolean outcomeKnown = SETTLED.contains(bet.status())
                || bet.legs().stream().anyMatch(leg -> results.confirmed(leg.eventId()).isPresent());
        boolean obviousError = request.obviousError() || "obvious_error".equals(request.reason());
        if (outcomeKnown && !obviousError) {
            return Decision.refused(Refusal.conflict("outcome_known", "The outcome of this bet is known: it can only be"
                    + " voided as an obvious error (obviousError: true), which is reported."));
        }
        long atStake = SETTLED.contains(bet.status()) && bet.settledReturn() != null
                ? Math.max(bet.settledReturn(), bet.totalStake()) : bet.potentialReturn();
        boolean needsApproval = atStake > approvalAmount();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO bet_void (id, bet_id, reason, detail, obvious_error, status, requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, betId, request.reason(), request.detail(), obviousError,
                        needsApproval ? "pending_approval" : "applied", actor, now())
                .update();
        audit.record(AuditEntry.of("bet.void_requested", betId).reference(id).by(actor).with("reason", request.reason())
                .with("detail", request.detail()).with("obviousError", obviousError).with("atStake", atStake)
                .with("status", needsApproval ? "pending_approval" : "applied"));
        if (!needsApproval) {
            apply(id, actor);
        }
        return Decision.done(find(id).orElseThrow());
    }

    public Decision<BetVoid> approve(UUID voidId, String actor) {
        return decide(voidId, actor, true, null);
    }

    public Decision<BetVoid> reject(UUID voidId, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            return Decision.refused(Refusal.invalid("reason_required", "Say why the void is rejected."));
        }
        return decide(voidId, actor, false, reason);
    }

    private Decision<BetVoid> decide(UUID voidId, String actor, boolean approve, String reason) {
        Optional<BetVoid> found = find(voidId);
        if (found.isEmpty()) {
            return Decision.refused(Refusal.notFound("unknown_void", "There is no void " + voidId + "."));
        }
        bets.lock(found.get().betId());
        BetVoid requested = find(voidId).orElseThrow();
        if (!requested.status().equals("pending_approval")) {
            return Decision.refused(Refusal.conflict("not_awaiting_approval", "The void is " + requested.status() + "."));
        }
        if (requested.requestedBy().equals(actor)) {
            return Decision.refused(Refusal.forbidden("four_eyes", "Someone other than who asked for it must decide the void."));
        }
        jdbc.sql("UPDATE bet_void SET status = ?, decided_by = ?, decided_at = ?, detail = detail || ? WHERE id = ?")
                .params(approve ? "applied" : "rejected", actor, now(), approve ? "" : " / rejected: " + reason, voidId)
                .update();
        audit.record(AuditEntry.of(approve ? "bet.void_approved" : "bet.void_rejected", requested.betId()).reference(voidId)
                .by(actor).with("requestedBy", requested.requestedBy()).with("reason", reason));
        if (approve) {
            apply(voidId, actor);
        }
        return Decision.done(find(voidId).orElseThrow());
    }

    private void apply(UUID voidId, String actor) {
        BetVoid applied = find(voidId).orElseThrow();
        runs.settleBet(applied.betId(), "manual void (" + applied.reason() + (applied.obviousError() ? ", obvious error" : "")
                + ") by " + applied.requestedBy() + (applied.decidedBy() != null ? ", approved by " + applied.decidedBy() : "")
                + ": " + applied.detail());
    }

    public Optional<BetVoid> find(UUID voidId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(voidId).query((rs, row) -> betVoid(rs)).optional();
    }

    public List<BetVoid> pending() {
        return jdbc.sql(SELECT + " WHERE status = 'pending_approval' ORDER BY requested_at").query((rs, row) -> betVoid(rs)).list();
    }

    /** The applied manual void of each of these bets that has one (by bet id). */
    public java.util.Map<UUID, BetVoid> applied(java.util.Collection<UUID> betIds) {
        if (betIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, BetVoid> applied = new java.util.HashMap<>();
        jdbc.sql(SELECT + " WHERE status = 'applied' AND bet_id = ANY(CAST(? AS uuid[]))")
                .param("{" + String.join(",", betIds.stream().map(UUID::toString).toList()) + "}")
                .query((rs, row) -> betVoid(rs)).list().forEach(v -> applied.put(v.betId(), v));
        return applied;
    }

    /** Voids between {@code from} and {@code to}, manual and by rule, optionally of one reason; newest first. */
    public List<Reported> report(String reason, Instant from, Instant to, int limit) {
        List<Reported> reported = new ArrayList<>();
        reported.addAll(jdbc.sql("""
                SELECT bet_id, reason, detail, obvious_error, requested_by, decided_by, coalesce(decided_at, requested_at) AS at
                FROM bet_void WHERE status = 'applied' AND (CAST(? AS varchar) IS NULL OR reason = ?)
                AND requested_at >= ? AND requested_at < ? ORDER BY at DESC LIMIT ?""")
                .params(reason, reason, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, row) -> new Reported(rs.getObject(1, UUID.class), null, rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), "manual", rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list());
        reported.addAll(jdbc.sql("""
                SELECT l.bet_id, l.position, l.void_reason, s.cause, s.settled_at FROM bet_leg_settlement l
                JOIN bet_settlement s ON s.bet_id = l.bet_id AND s.version = l.version
                WHERE l.void_reason IS NOT NULL AND l.void_reason <> 'manual_void'
                AND (CAST(? AS varchar) IS NULL OR l.void_reason = ?) AND s.settled_at >= ? AND s.settled_at < ?
                ORDER BY s.settled_at DESC LIMIT ?""")
                .params(reason, reason, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, row) -> new Reported(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        "settled by rule: " + rs.getString(4), false, "rule", "settlement", null, rs.getTimestamp(5).toInstant()))
                .list());
        reported.sort((a, b) -> b.at().compareTo(a.at()));
        return reported.size() > limit ? List.copyOf(reported.subList(0, limit)) : reported;
    }

    private long approvalAmount() {
        return jdbc.sql("SELECT void_approval_amount FROM settlement_settings WHERE id = 1").query(Long.class).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static final String SELECT = """
            SELECT id, bet_id, reason, detail, obvious_error, status, requested_by, requested_at, decided_by, decided_at
            FROM bet_void""";

    private static BetVoid betVoid(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new BetVoid(rs.getObject("id", UUID.class), rs.getObject("bet_id", UUID.class), rs.getString("reason"),
                rs.getString("detail"), rs.getBoolean("obvious_error"), rs.getString("status"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
