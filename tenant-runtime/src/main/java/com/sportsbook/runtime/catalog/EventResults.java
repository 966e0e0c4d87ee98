package com.sportsbook.runtime.catalog;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the catalog knows that settlement needs: an event's sport, status (and since when), the result the feed
 * reported, and a market's event, type and selections. Runs in the caller's transaction (whose connection is on the
 * bound tenant's schema).
 */
@Component
public class EventResults {

    /** An event's state; the feed's result is null until the feed resulted it. */
    public record EventState(UUID eventId, String sport, String name, String status, Instant statusSince,
            Instant startsAt, FeedResult feedResult) {
    }

    /** The result the feed reported: full time and half time (null when the feed gave none). */
    public record FeedResult(int home, int away, Integer halfTimeHome, Integer halfTimeAway) {
    }

    public record MarketFacts(UUID marketId, UUID eventId, String marketType, BigDecimal line, String status,
            List<String> selectionKeys) {
    }

    private final JdbcClient jdbc;

    public EventResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EventState> event(UUID eventId) {
        return jdbc.sql("""
                SELECT e.id, e.sport_key, e.name, e.status, e.starts_at, e.result_home, e.result_away,
                  e.result_half_time_home, e.result_half_time_away,
                  (SELECT max(c.changed_at) FROM event_change c WHERE c.event_id = e.id AND c.status = e.status) AS since
                FROM sport_event e WHERE e.id = ?""")
                .param(eventId)
                .query((rs, row) -> {
                    Integer home = (Integer) rs.getObject("result_home");
                    Integer away = (Integer) rs.getObject("result_away");
                    FeedResult result = home == null || away == null ? null : new FeedResult(home, away,
                            (Integer) rs.getObject("result_half_time_home"), (Integer) rs.getObject("result_half_time_away"));
                    Timestamp since = rs.getTimestamp("since");
                    return new EventState(rs.getObject("id", UUID.class), rs.getString("sport_key"), rs.getString("name"),
                            rs.getString("status"), since == null ? null : since.toInstant(),
                            rs.getTimestamp("starts_at").toInstant(), result);
                })
                .optional();
    }

    public Optional<MarketFacts> market(UUID marketId) {
        return jdbc.sql("SELECT id, event_id, market_type, line, status FROM market WHERE id = ?").param(marketId)
                .query((rs, row) -> new MarketFacts(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("market_type"), rs.getBigDecimal("line"), rs.getString("status"), List.of()))
                .optional()
                .map(market -> new MarketFacts(market.marketId(), market.eventId(), market.marketType(), market.line(),
                        market.status(), jdbc.sql("SELECT selection_key FROM selection WHERE market_id = ? ORDER BY display_order")
                                .param(marketId).query(String.class).list()));
    }

    /**
     * Events whose outcome is decided for settlement, or may be (resulted, cancelled, abandoned, postponed), among
     * the given ones.
     */
    public List<UUID> decided(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id FROM sport_event WHERE id IN (:ids)
                AND status IN ('resulted', 'settled', 'cancelled', 'abandoned', 'postponed')""")
                .param("ids", eventIds).query(UUID.class).list();
    }
}
