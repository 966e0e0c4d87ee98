package com.sportsbook.runtime.compliance.responsible;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What responsible gambling recorded over a period, for the regulator reports (ADR 0021): every limit request (as
 * set, decreased, increase or removal requested, increased or removed at once where there is no cooling-off), each
 * loosening the day its cooling-off ended (derived: a pending change applies when read, so nothing writes it), time-outs,
 * self-exclusions, national-register hits and the limits players ran into. Windows are {@code [from, to)}. Runs in the
 * caller's transaction.
 */
public final class ResponsibleGamblingRecords {

    /**
     * One event; {@code limitKind}, {@code period}, the amounts and {@code effectiveAt} only where they apply. Amounts
     * are minor units, minutes for session time; {@code amountAfter} null with a limit event: no limit.
     */
    public record Event(Instant at, String event, UUID playerId, String brand, String limitKind, String period,
            Long amountBefore, Long amountAfter, Instant effectiveAt, String actor, String detail) {
    }

    /** A self-exclusion as taken; {@code endsAt} null: indefinite. */
    public record SelfExclusion(UUID id, UUID playerId, String brand, Instant startsAt, Instant endsAt, String actor,
            boolean inForce) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ResponsibleGamblingRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every event in the window, oldest first, at most {@code limit} of each source. */
    public List<Event> events(Instant from, Instant to, int limit) {
        List<Event> events = new ArrayList<>();
        events.addAll(jdbc.sql("""
                SELECT player_id, kind, period, requested_amount, amount_before, amount_after, pending_amount, pending_removal,
                  effective_at, actor, at FROM rg_limit_history WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ?""")
                .params(Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, row) -> limitRequest(rs)).list());
        // a loosening applies when its cooling-off ends, unless a later request replaced it before then
        events.addAll(jdbc.sql("""
                SELECT h.player_id, h.kind, h.period, h.amount_after, h.pending_amount, h.pending_removal, h.effective_at, h.actor
                FROM rg_limit_history h
                WHERE (h.pending_amount IS NOT NULL OR h.pending_removal) AND h.effective_at >= ? AND h.effective_at < ?
                  AND h.effective_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM rg_limit_history later WHERE later.player_id = h.player_id
                    AND later.kind = h.kind AND later.period = h.period AND later.id > h.id AND later.at < h.effective_at)
                ORDER BY h.effective_at, h.id LIMIT ?""")
                .params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(clock.instant()), limit)
                .query((rs, row) -> {
                    boolean removal = rs.getBoolean("pending_removal");
                    return new Event(rs.getTimestamp("effective_at").toInstant(),
                            removal ? "limit_removal_applied" : "limit_increase_applied", rs.getObject("player_id", UUID.class),
                            null, rs.getString("kind"), rs.getString("period"), nullableLong(rs, "amount_after"),
                            removal ? null : nullableLong(rs, "pending_amount"), rs.getTimestamp("effective_at").toInstant(),
                            rs.getString("actor"), "the cooling-off ended");
                }).list());
        events.addAll(jdbc.sql("""
                SELECT player_id, brand, kind, register, starts_at, ends_at, actor, created_at FROM rg_exclusion
                WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id LIMIT ?""")
                .params(Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, row) -> {
                    String kind = rs.getString("kind");
                    Timestamp ends = rs.getTimestamp("ends_at");
                    String event = "national_register".equals(kind) ? "national_register_hit" : kind;
                    String detail = "national_register".equals(kind) ? "listed by " + rs.getString("register")
                            : ends == null ? "indefinite" : "until " + ends.toInstant();
                    return new Event(rs.getTimestamp("created_at").toInstant(), event, rs.getObject("player_id", UUID.class),
                            rs.getString("brand"), null, null, null, null, ends == null ? null : ends.toInstant(),
                            rs.getString("actor"), detail);
                }).list());
        events.addAll(jdbc.sql("""
                SELECT player_id, brand, code, limit_kind, attempted, detail, at FROM rg_limit_hit
                WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ?""")
                .params(Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, row) -> new Event(rs.getTimestamp("at").toInstant(), "limit_hit", rs.getObject("player_id", UUID.class),
                        rs.getString("brand"), rs.getString("limit_kind"), null, null, null, null, "system",
                        rs.getString("code") + ": " + rs.getString("detail")))
                .list());
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    /** Self-exclusions taken in the window (not time-outs, not national-register hits), oldest first. */
    public List<SelfExclusion> selfExclusions(Instant from, Instant to, int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT id, player_id, brand, starts_at, ends_at, actor FROM rg_exclusion
                WHERE kind = 'self_exclusion' AND created_at >= ? AND created_at < ? ORDER BY created_at, id LIMIT ?""")
                .params(Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, row) -> {
                    Instant starts = rs.getTimestamp("starts_at").toInstant();
                    Instant ends = rs.getTimestamp("ends_at") == null ? null : rs.getTimestamp("ends_at").toInstant();
                    return new SelfExclusion(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class),
                            rs.getString("brand"), starts, ends, rs.getString("actor"),
                            !starts.isAfter(now) && (ends == null || ends.isAfter(now)));
                }).list();
    }

    private static Event limitRequest(ResultSet rs) throws SQLException {
        Long requested = nullableLong(rs, "requested_amount");
        Long before = nullableLong(rs, "amount_before");
        Long after = nullableLong(rs, "amount_after");
        boolean pending = rs.getObject("pending_amount") != null || rs.getBoolean("pending_removal");
        String event;
        if (pending) {
            event = requested == null ? "limit_removal_requested" : "limit_increase_requested";
        } else if (before == null && after != null) {
            event = "limit_set";
        } else if (before != null && after == null) {
            event = "limit_removed";
        } else if (before != null && after < before) {
            event = "limit_decreased";
        } else if (before != null && after > before) {
            event = "limit_increased";
        } else {
            event = "limit_unchanged";
        }
        return new Event(rs.getTimestamp("at").toInstant(), event, rs.getObject("player_id", UUID.class), null,
                rs.getString("kind"), rs.getString("period"), before, pending ? requested : after,
                rs.getTimestamp("effective_at").toInstant(), rs.getString("actor"),
                pending ? "applies after the cooling-off" : null);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).longValue();
    }
}
