package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.runtime.compliance.responsible.core.LimitChanges;
import com.sportsbook.runtime.compliance.responsible.core.LimitKind;
import com.sportsbook.runtime.compliance.responsible.core.LimitPeriod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each player's limits on the bound tenant's schema, one row per kind and period, and every request in the
 * history with actor and time. A loosening waiting for its cooling-off is applied when read once its time has come
 * ({@link LimitChanges.Limit#settled}), so no job has to run for it. Runs in the caller's transaction.
 */
final class Limits {

    /** A request's result: the limit as it now stands, whether it applies now, and when a pending change will. */
    record Changed(LimitKind kind, LimitPeriod period, LimitChanges.Limit limit, boolean immediate, Instant effectiveAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Limits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every limit the player has, with pending changes whose cooling-off has ended applied. */
    Map<LimitKind, Map<LimitPeriod, LimitChanges.Limit>> of(UUID playerId) {
        Instant now = clock.instant();
        Map<LimitKind, Map<LimitPeriod, LimitChanges.Limit>> limits = new EnumMap<>(LimitKind.class);
        jdbc.sql("""
                SELECT kind, period, amount, pending_amount, pending_removal, pending_from FROM rg_limit WHERE player_id = ?""")
                .param(playerId)
                .query(rs -> {
                    put(rs, now, limits);
                });
        return limits;
    }

    /**
     * Adds an {@code rg_limit} row (kind, period, amount, pending_amount, pending_removal, pending_from) to
     * {@code limits} as it stands at {@code now}, if it limits anything.
     */
    static void put(ResultSet rs, Instant now, Map<LimitKind, Map<LimitPeriod, LimitChanges.Limit>> limits) throws SQLException {
        LimitChanges.Limit limit = new LimitChanges.Limit(nullableLong(rs.getObject("amount")),
                nullableLong(rs.getObject("pending_amount")), rs.getBoolean("pending_removal"),
                rs.getTimestamp("pending_from") == null ? null : rs.getTimestamp("pending_from").toInstant())
                .settled(now);
        if (limit.amount() != null || limit.hasPending()) {
            limits.computeIfAbsent(LimitKind.fromWire(rs.getString("kind")), kind -> new EnumMap<>(LimitPeriod.class))
                    .put(LimitPeriod.fromWire(rs.getString("period")), limit);
        }
    }

    /**
     * A player's request for one limit (null: remove it): a tightening applies now, a loosening after the cooling-off.
     * The row is locked, so two requests at once are applied one after the other.
     */
    Changed request(UUID playerId, LimitKind kind, LimitPeriod period, Long requested, Duration coolingOff, String actor) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO rg_limit (player_id, kind, period, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (player_id, kind, period) DO NOTHING""")
                .params(playerId, kind.wire(), period.wire(), Timestamp.from(now)).update();
        LimitChanges.Limit current = jdbc.sql("""
                SELECT amount, pending_amount, pending_removal, pending_from FROM rg_limit
                WHERE player_id = ? AND kind = ? AND period = ? FOR UPDATE""")
                .params(playerId, kind.wire(), period.wire())
                .query((rs, row) -> new LimitChanges.Limit(nullableLong(rs.getObject("amount")),
                        nullableLong(rs.getObject("pending_amount")), rs.getBoolean("pending_removal"),
                        rs.getTimestamp("pending_from") == null ? null : rs.getTimestamp("pending_from").toInstant()))
                .single();
        LimitChanges.Outcome outcome = LimitChanges.request(current, requested, coolingOff, now);
        // a zero cooling-off applies a loosening at once
        LimitChanges.Limit stored = outcome.limit().settled(now);
        jdbc.sql("""
                UPDATE rg_limit SET amount = ?, pending_amount = ?, pending_removal = ?, pending_from = ?, updated_at = ?
                WHERE player_id = ? AND kind = ? AND period = ?""")
                .params(stored.amount(), stored.pendingAmount(), stored.pendingRemoval(),
                        stored.pendingFrom() == null ? null : Timestamp.from(stored.pendingFrom()), Timestamp.from(now),
                        playerId, kind.wire(), period.wire())
                .update();
        Instant effectiveAt = stored.hasPending() ? stored.pendingFrom() : now;
        jdbc.sql("""
                INSERT INTO rg_limit_history (player_id, kind, period, requested_amount, amount_before, amount_after,
                    pending_amount, pending_removal, effective_at, actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(playerId, kind.wire(), period.wire(), requested, current.settled(now).amount(), stored.amount(),
                        stored.pendingAmount(), stored.pendingRemoval(), Timestamp.from(effectiveAt), actor, Timestamp.from(now))
                .update();
        return new Changed(kind, period, stored, !stored.hasPending(), effectiveAt);
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
