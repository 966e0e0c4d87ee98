package com.sportsbook.runtime.catalog.read;

import com.sportsbook.runtime.catalog.TradingHolds;
import com.sportsbook.runtime.feeds.MarketGroup;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What players read from the bound tenant's catalog: the sports tree with counts, event lists and event pages. */
public final class CatalogReads {

    private static final String OFFERED = "('scheduled', 'live')";

    public record CompetitionNode(UUID id, String name, long events, long live) {
    }

    public record CategoryNode(String name, List<CompetitionNode> competitions) {
    }

    public record SportNode(String key, String name, long events, long live, List<CategoryNode> categories) {
    }

    public record SelectionRow(UUID id, String key, String name, BigDecimal price) {
    }

    public record MarketRow(UUID id, UUID eventId, String type, String group, BigDecimal line, String status, long version,
            List<SelectionRow> selections) {
    }

    public record EventRow(UUID id, String sport, String category, UUID competitionId, String competition, String name,
            String home, String away, Instant startsAt, String status, Integer homeScore, Integer awayScore, long version) {
    }

    /** Filters for event lists; null means any. {@code from}/{@code to} bound the start time. */
    public record EventFilter(String sport, UUID competition, Instant from, Instant to, boolean liveOnly) {
    }

    /** Where a page of events ends: the last start time and id, for the next page. */
    public record Position(Instant startsAt, UUID id) {
    }

    private final JdbcClient jdbc;

    public CatalogReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SportNode> sportsTree() {
        record Row(String sport, String sportName, String category, UUID competition, String competitionName, long events,
                long live) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT s.sport_key, s.name AS sport_name, c.name AS category, co.id AS competition, co.name AS competition_name,
                  count(e.id) FILTER (WHERE e.status IN %s) AS events, count(e.id) FILTER (WHERE e.status = 'live') AS live
                FROM sport s
                LEFT JOIN category c ON c.sport_key = s.sport_key
                LEFT JOIN competition co ON co.category_id = c.id
                LEFT JOIN sport_event e ON e.competition_id = co.id
                WHERE s.active
                GROUP BY s.sport_key, s.name, s.display_order, c.name, co.id, co.name
                ORDER BY s.display_order, c.name, co.name""".formatted(OFFERED))
                .query((rs, n) -> new Row(rs.getString("sport_key"), rs.getString("sport_name"), rs.getString("category"),
                        rs.getObject("competition", UUID.class), rs.getString("competition_name"), rs.getLong("events"),
                        rs.getLong("live")))
                .list();
        Map<String, SportNode> sports = new LinkedHashMap<>();
        Map<String, Map<String, List<CompetitionNode>>> categories = new LinkedHashMap<>();
        for (Row row : rows) {
            sports.merge(row.sport(), new SportNode(row.sport(), row.sportName(), row.events(), row.live(), List.of()),
                    (a, b) -> new SportNode(a.key(), a.name(), a.events() + b.events(), a.live() + b.live(), List.of()));
            Map<String, List<CompetitionNode>> byCategory = categories.computeIfAbsent(row.sport(), key -> new LinkedHashMap<>());
            if (row.category() != null && row.competition() != null) {
                byCategory.computeIfAbsent(row.category(), key -> new ArrayList<>())
                        .add(new CompetitionNode(row.competition(), row.competitionName(), row.events(), row.live()));
            }
        }
        return sports.values().stream().map(sport -> new SportNode(sport.key(), sport.name(), sport.events(), sport.live(),
                categories.get(sport.key()).entrySet().stream()
                        .map(entry -> new CategoryNode(entry.getKey(), List.copyOf(entry.getValue()))).toList()))
                .toList();
    }

    /** Offered events (scheduled or live) in start order, after {@code after}, at most {@code limit}. */
    public List<EventRow> events(EventFilter filter, Position after, int limit) {
        StringBuilder where = new StringBuilder(filter.liveOnly() ? "e.status = 'live'" : "e.status IN " + OFFERED);
        List<Object> params = new ArrayList<>();
        if (filter.sport() != null) {
            where.append(" AND e.sport_key = ?");
            params.add(filter.sport());
        }
        if (filter.competition() != null) {
            where.append(" AND e.competition_id = ?");
            params.add(filter.competition());
        }
        if (filter.from() != null) {
            where.append(" AND e.starts_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND e.starts_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        if (after != null) {
            where.append(" AND (e.starts_at, e.id) > (?, ?)");
            params.add(Timestamp.from(after.startsAt()));
            params.add(after.id());
        }
        params.add(limit);
        return jdbc.sql(EVENT_SELECT + " WHERE " + where + " ORDER BY e.starts_at, e.id LIMIT ?").params(params)
                .query((rs, n) -> event(rs)).list();
    }

    public Optional<EventRow> event(UUID id) {
        return jdbc.sql(EVENT_SELECT + " WHERE e.id = ?").param(id).query((rs, n) -> event(rs)).optional();
    }

    /** The events' markets with their selections, in group, type and line order; {@code mainOnly} keeps the headline market. */
    public List<MarketRow> markets(List<UUID> events, boolean mainOnly) {
        if (events.isEmpty()) {
            return List.of();
        }
        String filter = mainOnly ? " AND m.market_type IN ('1x2', 'match_winner') AND m.status IN ('open', 'suspended')" : "";
        return marketsWhere("m.event_id = ANY (?)" + filter, events);
    }

    /** Markets by id, with their selections. */
    public List<MarketRow> marketsById(List<UUID> markets) {
        return markets.isEmpty() ? List.of() : marketsWhere("m.id = ANY (?)", markets);
    }

    private List<MarketRow> marketsWhere(String where, List<UUID> ids) {
        Map<UUID, MarketRow> markets = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT m.id, m.event_id, m.market_type, m.market_group, m.line,
                  CASE WHEN m.status = 'open' AND %s THEN 'suspended' ELSE m.status END AS status, m.version,
                  s.id AS selection_id, s.selection_key, s.name, s.offered_price
                FROM market m JOIN sport_event e ON e.id = m.event_id JOIN selection s ON s.market_id = m.id AND s.active
                WHERE %s
                ORDER BY m.event_id, %s, m.market_type, m.line NULLS FIRST, m.id, s.display_order""".formatted(TradingHolds.MARKET_HELD, where, groupOrder()))
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    MarketRow market = markets.computeIfAbsent(id, key -> marketRow(rs, key));
                    market.selections().add(new SelectionRow(rs.getObject("selection_id", UUID.class),
                            rs.getString("selection_key"), rs.getString("name"), rs.getBigDecimal("offered_price")));
                    return id;
                })
                .list();
        return List.copyOf(markets.values());
    }

    private static String groupOrder() {
        StringBuilder order = new StringBuilder("CASE m.market_group");
        for (MarketGroup group : MarketGroup.values()) {
            order.append(" WHEN '").append(group.wire()).append("' THEN ").append(group.ordinal());
        }
        return order.append(" END").toString();
    }

    private static MarketRow marketRow(ResultSet rs, UUID id) {
        try {
            return new MarketRow(id, rs.getObject("event_id", UUID.class), rs.getString("market_type"),
                    rs.getString("market_group"), rs.getBigDecimal("line"), rs.getString("status"), rs.getLong("version"),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String EVENT_SELECT = """
            SELECT e.id, e.sport_key, c.name AS category, co.id AS competition_id, co.name AS competition, e.name, e.home,
              e.away, e.starts_at, e.status, e.home_score, e.away_score, e.version
            FROM sport_event e JOIN competition co ON co.id = e.competition_id JOIN category c ON c.id = co.category_id""";

    private static EventRow event(ResultSet rs) throws SQLException {
        return new EventRow(rs.getObject("id", UUID.class), rs.getString("sport_key"), rs.getString("category"),
                rs.getObject("competition_id", UUID.class), rs.getString("competition"), rs.getString("name"),
                rs.getString("home"), rs.getString("away"), rs.getTimestamp("starts_at").toInstant(), rs.getString("status"),
                (Integer) rs.getObject("home_score"), (Integer) rs.getObject("away_score"), rs.getLong("version"));
    }
}
