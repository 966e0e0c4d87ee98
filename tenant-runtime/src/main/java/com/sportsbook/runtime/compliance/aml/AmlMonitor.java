package com.sportsbook.runtime.compliance.aml;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.compliance.aml.core.AmlRules;
import com.sportsbook.runtime.payments.PaymentSettled;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Watches the money players move: every deposit credited and withdrawal requested (payments'
 * {@link PaymentSettled}, after its commit) is recorded once and run through {@link AmlRules}; each new alert joins
 * the player's open case, or opens one with the tenant's deadline. Replaying an event changes nothing. Each case
 * opened and alert raised is written to the audit log in the same transaction.
 */
public final class AmlMonitor {

    public static final String SYSTEM = "aml-monitor";

    private final JdbcClient jdbc;
    private final BetRecords bets;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public AmlMonitor(JdbcClient jdbc, BetRecords bets, TransactionOperations transactions, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.bets = bets;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PaymentSettled moved) {
        TenantContext.runAs(BoundTenant.of(moved.tenant()), () -> transactions.executeWithoutResult(status -> monitor(moved)));
    }

    /** Records the movement and raises what it triggers, in the caller's transaction; returns the new alerts. */
    public List<AmlRules.Alert> monitor(PaymentSettled event) {
        // PostgreSQL keeps microseconds (and rounds): truncate first, so the stored time is exactly the one compared
        PaymentSettled moved = new PaymentSettled(event.tenant(), event.paymentId(), event.playerId(), event.brand(),
                event.kind(), event.amount(), event.currency(), event.paymentMethod(),
                event.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        int recorded = jdbc.sql("""
                INSERT INTO aml_movement (payment_id, player_id, brand, kind, amount, currency, payment_method, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING""")
                .params(moved.paymentId(), moved.playerId(), moved.brand(), moved.kind().name().toLowerCase(Locale.ROOT),
                        moved.amount(), moved.currency(), moved.paymentMethod(), Timestamp.from(moved.at()))
                .update();
        if (recorded == 0) {
            return List.of();
        }
        AmlRules.Thresholds thresholds = thresholds();
        Duration longest = List.of(thresholds.velocityWindow(), thresholds.structuringWindow(), thresholds.churnWindow(),
                thresholds.paymentMethodsWindow()).stream().max(Duration::compareTo).orElseThrow();
        List<AmlRules.Movement> history = jdbc.sql("""
                SELECT payment_id, kind, amount, currency, payment_method, at FROM aml_movement
                WHERE player_id = ? AND currency = ? AND at > ? AND at <= ? ORDER BY at""")
                .params(moved.playerId(), moved.currency(), Timestamp.from(moved.at().minus(longest)), Timestamp.from(moved.at()))
                .query((rs, row) -> movement(rs)).list();
        AmlRules.Movement trigger = new AmlRules.Movement(moved.paymentId().toString(),
                AmlRules.Kind.valueOf(moved.kind().name()), moved.amount(), moved.currency(), moved.paymentMethod(), moved.at());
        long staked = moved.kind() == PaymentSettled.Kind.WITHDRAWAL
                ? bets.stakedSince(moved.playerId(), moved.currency(), moved.at().minus(thresholds.churnWindow())) : 0;
        List<AmlRules.Alert> alerts = AmlRules.evaluate(thresholds, trigger, history, staked);
        for (AmlRules.Alert alert : alerts) {
            raise(moved, alert);
        }
        return alerts;
    }

    private void raise(PaymentSettled moved, AmlRules.Alert alert) {
        Instant now = clock.instant();
        UUID caseId = openCase(moved.playerId(), moved.brand(), now);
        UUID alertId = UUID.randomUUID();
        int raised = jdbc.sql("""
                INSERT INTO aml_alert (id, player_id, rule, fingerprint, amount, currency, detail, case_id, raised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (player_id, fingerprint) DO NOTHING""")
                .params(alertId, moved.playerId(), alert.rule().wire(), alert.fingerprint(), alert.amount(),
                        moved.currency(), alert.detail(), caseId, Timestamp.from(now))
                .update();
        if (raised == 1) {
            jdbc.sql("INSERT INTO aml_case_event (case_id, at, actor, action, detail) VALUES (?, ?, ?, 'alert', ?)")
                    .params(caseId, Timestamp.from(now), SYSTEM, alert.rule().wire() + ": " + alert.detail()).update();
            audit.record(AuditEntry.of("aml.alert_raised", alertId).reference(caseId).by(SYSTEM).at(now)
                    .with("player", moved.playerId()).with("rule", alert.rule().wire()).with("amount", alert.amount())
                    .with("currency", moved.currency()).with("payment", moved.paymentId()).with("detail", alert.detail()));
        }
    }

    /** The player's open case, opened now if there is none (one open case per player). */
    private UUID openCase(UUID player, String brand, Instant now) {
        int days = jdbc.sql("SELECT case_deadline_days FROM aml_settings WHERE id = 1").query(Integer.class).single();
        UUID id = UUID.randomUUID();
        int opened = jdbc.sql("""
                INSERT INTO aml_case (id, player_id, brand, status, deadline, opened_at) VALUES (?, ?, ?, 'open', ?, ?)
                ON CONFLICT (player_id) WHERE status = 'open' DO NOTHING""")
                .params(id, player, brand, Timestamp.from(now.plus(Duration.ofDays(days))), Timestamp.from(now)).update();
        if (opened == 1) {
            jdbc.sql("INSERT INTO aml_case_event (case_id, at, actor, action, detail) VALUES (?, ?, ?, 'opened', ?)")
                    .params(id, Timestamp.from(now), SYSTEM, "deadline in " + days + " days").update();
            audit.record(AuditEntry.of("aml.case_opened", id).reference(player).by(SYSTEM).at(now).with("brand", brand)
                    .with("deadline", now.plus(Duration.ofDays(days)).toString()));
            return id;
        }
        return jdbc.sql("SELECT id FROM aml_case WHERE player_id = ? AND status = 'open'").param(player).query(UUID.class).single();
    }

    AmlRules.Thresholds thresholds() {
        return jdbc.sql("SELECT large_deposit, reporting_threshold, structuring_band, structuring_count, structuring_window_hours, velocity_count,"
                + " velocity_window_hours, churn_withdrawal_share, churn_max_wagered_share, churn_window_hours, payment_methods,"
                + " payment_methods_window_days, case_deadline_days, pep_deposit_review_amount, updated_by FROM aml_settings WHERE id = 1").query((rs, row) -> new AmlRules.Thresholds(
                rs.getLong("large_deposit"), rs.getLong("reporting_threshold"), rs.getBigDecimal("structuring_band"),
                rs.getInt("structuring_count"), Duration.ofHours(rs.getInt("structuring_window_hours")),
                rs.getInt("velocity_count"), Duration.ofHours(rs.getInt("velocity_window_hours")),
                rs.getBigDecimal("churn_withdrawal_share"), rs.getBigDecimal("churn_max_wagered_share"),
                Duration.ofHours(rs.getInt("churn_window_hours")), rs.getInt("payment_methods"),
                Duration.ofDays(rs.getInt("payment_methods_window_days")))).single();
    }

    static AmlRules.Movement movement(ResultSet rs) throws SQLException {
        return new AmlRules.Movement(rs.getString("payment_id"), AmlRules.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getLong("amount"), rs.getString("currency"), rs.getString("payment_method"), rs.getTimestamp("at").toInstant());
    }
}
