package com.sportsbook.runtime.catalog;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Trading holds on the bound tenant's catalog: a sport, competition, event, market or selection suspended for
 * betting by a trader or by the risk engine, whatever the feed says, until released. Holds are never deleted: each
 * keeps who held it, when and why, and who released it; every hold and release is in the audit log too. Skins see
 * the held markets suspended (a change is pushed after the commit).
 */
@Component
public class TradingHolds {

    public enum Level {
        SPORT,
        COMPETITION,
        EVENT,
        MARKET,
        SELECTION;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Level> fromWire(String wire) {
            for (Level level : values()) {
                if (level.wire().equals(wire == null ? "" : wire.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }
    }

    public record Hold(UUID id, String level, String target, String reason, String heldBy, Instant heldAt,
            String releasedBy, Instant releasedAt) {
    }

    /**
     * The SQL condition "a hold suspends this market" over aliases {@code m} (market) and {@code e} (event), for
     * the catalog's reads and the bets' checks.
     */
    public static final String MARKET_HELD = """
            EXISTS (SELECT 1 FROM trading_hold h WHERE h.released_at IS NULL AND (
              (h.level = 'market' AND h.target_id = m.id::text) OR (h.level = 'event' AND h.target_id = e.id::text)
              OR (h.level = 'competition' AND h.target_id = e.competition_id::text)
              OR (h.level = 'sport' AND h.target_id = e.sport_key)))""";

    /** The same for one selection (alias {@code s}), its market's holds included. */
    public static final String SELECTION_HELD = "(" + MARKET_HELD + """
             OR EXISTS (SELECT 1 FROM trading_hold hs WHERE hs.released_at IS NULL AND hs.level = 'selection'
              AND hs.target_id = s.id::text))""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    TradingHolds(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** Holds the target, or returns the hold already on it; empty when there is no such target. */
    public Optional<Hold> hold(Level level, String target, String reason, String by) {
        if (!exists(level, target)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int held = jdbc.sql("""
                INSERT INTO trading_hold (id, level, target_id, reason, held_by, held_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (level, target_id) WHERE released_at IS NULL DO NOTHING""")
                .params(UUID.randomUUID(), level.wire(), target, reason, by, Timestamp.from(now)).update();
        Hold hold = jdbc.sql(SELECT + " WHERE level = ? AND target_id = ? AND released_at IS NULL").params(level.wire(), target)
                .query((rs, row) -> hold(rs)).single();
        if (held == 1) {
            audit.record(AuditEntry.of("trading.hold", hold.id()).reference(target).by(by).at(now).with("level", level.wire())
                    .with("target", target).with("reason", reason));
        }
        announce(level, target);
        return Optional.of(hold);
    }

    /** Releases an active hold; empty when there is none with this id (or it was released before). */
    public Optional<Hold> release(UUID id, String by) {
        int released = jdbc.sql("UPDATE trading_hold SET released_by = ?, released_at = ? WHERE id = ? AND released_at IS NULL")
                .params(by, Timestamp.from(clock.instant()), id).update();
        if (released == 0) {
            return Optional.empty();
        }
        Hold hold = jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, row) -> hold(rs)).single();
        audit.record(AuditEntry.of("trading.release", id).reference(hold.target()).by(by).at(hold.releasedAt())
                .with("level", hold.level()).with("target", hold.target()).with("heldBy", hold.heldBy()));
        announce(Level.fromWire(hold.level()).orElseThrow(), hold.target());
        return Optional.of(hold);
    }

    public List<Hold> list(boolean activeOnly) {
        return jdbc.sql(SELECT + (activeOnly ? " WHERE released_at IS NULL" : "") + " ORDER BY held_at DESC LIMIT 500")
                .query((rs, row) -> hold(rs)).list();
    }

    /** Whether the market is held (at its own, its event's, competition's or sport's level). */
    public boolean marketHeld(UUID market) {
        return jdbc.sql("SELECT " + MARKET_HELD + " FROM market m JOIN sport_event e ON e.id = m.event_id WHERE m.id = ?")
                .param(market).query(Boolean.class).optional().orElse(false);
    }

    private boolean exists(Level level, String target) {
        String sql = switch (level) {
            case SPORT -> "SELECT count(*) FROM sport WHERE sport_key = ?";
            case COMPETITION -> "SELECT count(*) FROM competition WHERE id::text = ?";
            case EVENT -> "SELECT count(*) FROM sport_event WHERE id::text = ?";
            case MARKET -> "SELECT count(*) FROM market WHERE id::text = ?";
            case SELECTION -> "SELECT count(*) FROM selection WHERE id::text = ?";
        };
        return jdbc.sql(sql).param(target).query(Long.class).single() > 0;
    }

    /** After the commit, skins learn the effective status of every market the hold or release touches. */
    private void announce(Level level, String target) {
        String where = switch (level) {
            case SPORT -> "e.sport_key = ?";
            case COMPETITION -> "e.competition_id::text = ?";
            case EVENT -> "e.id::text = ?";
            case MARKET -> "m.id::text = ?";
            case SELECTION -> "m.id = (SELECT market_id FROM selection WHERE id::text = ?)";
        };
        String tenant = TenantContext.require().slug().value();
        Instant now = clock.instant();
        List<CatalogChange> changes = jdbc.sql("""
                SELECT m.id, m.event_id, m.version, CASE WHEN m.status = 'open' AND %s THEN 'suspended' ELSE m.status END AS status
                FROM market m JOIN sport_event e ON e.id = m.event_id
                WHERE %s AND e.status IN ('scheduled', 'live')""".formatted(MARKET_HELD, where))
                .param(target)
                .query((rs, row) -> (CatalogChange) new CatalogChange.MarketChanged(tenant, rs.getObject(2, UUID.class),
                        rs.getObject(1, UUID.class), rs.getLong(3), rs.getString(4), List.of(), now))
                .list();
        afterCommit(() -> changes.forEach(events::publishEvent));
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    private static final String SELECT = """
            SELECT id, level, target_id, reason, held_by, held_at, released_by, released_at FROM trading_hold""";

    private static Hold hold(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp released = rs.getTimestamp("released_at");
        return new Hold(rs.getObject("id", UUID.class), rs.getString("level"), rs.getString("target_id"), rs.getString("reason"),
                rs.getString("held_by"), rs.getTimestamp("held_at").toInstant(), rs.getString("released_by"),
                released == null ? null : released.toInstant());
    }
}
