package com.sportsbook.runtime.catalog;

import com.sportsbook.commons.sql.RoundTrip;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the catalog offers on some selections right now, for betting: each selection's offered price with its
 * market's and event's status and version (a market or selection under a trading hold reads as suspended). {@link #lockForBet} also holds the markets still (a shared lock) until the
 * caller's transaction ends, so no price or status change slips between the checks and the bet's commit.
 */
@Component
public class BetOffers {

    /** One selection as offered, with its market and event. */
    public record Offer(UUID selectionId, String selectionKey, String selectionName, boolean selectionActive,
            BigDecimal price, UUID marketId, String marketType, BigDecimal line, String marketStatus, long marketVersion,
            UUID eventId, String eventName, String eventStatus, Instant startsAt, String sport) {

        public boolean inPlay() {
            return "live".equals(eventStatus);
        }
    }

    private static final String SELECT = """
            SELECT s.id, s.selection_key, s.name AS selection_name, s.active, s.offered_price, m.id AS market_id,
              m.market_type, m.line,
              CASE WHEN m.status = 'open' AND %s THEN 'suspended' ELSE m.status END AS market_status,
              m.version AS market_version, e.id AS event_id,
              e.name AS event_name, e.status AS event_status, e.starts_at, e.sport_key
            FROM selection s JOIN market m ON m.id = s.market_id JOIN sport_event e ON e.id = m.event_id
            WHERE %s""".formatted(TradingHolds.SELECTION_HELD, "%s");

    /**
     * A single's selection by equality: PostgreSQL then keeps one generic plan for the statement, where with an array
     * it estimates ten elements, judges the generic plan dearer and plans every call again.
     */
    private static final String ONE = "s.id = ?";
    private static final String ANY = "s.id = ANY (?)";

    private final JdbcClient jdbc;

    BetOffers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The offers, by selection id; unknown ids are simply absent. */
    public Map<UUID, Offer> read(Collection<UUID> selections) {
        return query("", selections);
    }

    /** The same, holding the selections' markets against changes until the caller's transaction ends. */
    public Map<UUID, Offer> lockForBet(Collection<UUID> selections) {
        return query(LOCK, selections);
    }

    /** {@link #read} as a part of a round trip. */
    public RoundTrip.Answer<Map<UUID, Offer>> read(RoundTrip trip, Collection<UUID> selections) {
        return query(trip, "", selections);
    }

    /** {@link #lockForBet} as a part of a round trip. */
    public RoundTrip.Answer<Map<UUID, Offer>> lockForBet(RoundTrip trip, Collection<UUID> selections) {
        return query(trip, LOCK, selections);
    }

    private static RoundTrip.Answer<Map<UUID, Offer>> query(RoundTrip trip, String suffix, Collection<UUID> selections) {
        if (selections.isEmpty()) {
            return RoundTrip.Answer.known(new LinkedHashMap<>());
        }
        return trip.query(sql(suffix, selections), List.of(param(selections)), BetOffers::readOffers);
    }

    private static final String LOCK = " ORDER BY m.id FOR SHARE OF m";

    private Map<UUID, Offer> query(String suffix, Collection<UUID> selections) {
        if (selections.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return jdbc.sql(sql(suffix, selections)).param(param(selections)).query(BetOffers::readOffers);
    }

    private static String sql(String suffix, Collection<UUID> selections) {
        return SELECT.formatted(selections.size() == 1 ? ONE : ANY) + suffix;
    }

    private static Object param(Collection<UUID> selections) {
        return selections.size() == 1 ? selections.iterator().next() : selections.toArray(UUID[]::new);
    }

    private static Map<UUID, Offer> readOffers(ResultSet rows) throws SQLException {
        Map<UUID, Offer> offers = new LinkedHashMap<>();
        while (rows.next()) {
            Offer offer = offer(rows);
            offers.put(offer.selectionId(), offer);
        }
        return offers;
    }

    private static Offer offer(ResultSet rs) throws SQLException {
        return new Offer(rs.getObject("id", UUID.class), rs.getString("selection_key"), rs.getString("selection_name"),
                rs.getBoolean("active"), rs.getBigDecimal("offered_price"), rs.getObject("market_id", UUID.class),
                rs.getString("market_type"), rs.getBigDecimal("line"), rs.getString("market_status"),
                rs.getLong("market_version"), rs.getObject("event_id", UUID.class), rs.getString("event_name"),
                rs.getString("event_status"), rs.getTimestamp("starts_at").toInstant(), rs.getString("sport_key"));
    }
}
