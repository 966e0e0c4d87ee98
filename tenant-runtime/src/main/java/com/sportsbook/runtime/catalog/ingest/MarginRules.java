package com.sportsbook.runtime.catalog.ingest;

import com.sportsbook.runtime.feeds.MarketType;
import com.sportsbook.runtime.pricing.Margin;
import com.sportsbook.runtime.pricing.MarginMethod;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bound tenant's margins per sport and market type. The most specific rule wins: the sport and type, then the
 * sport for any type, then any sport for the type, then the tenant's default ("*", "*", seeded at 5 % proportional).
 */
public final class MarginRules {

    public static final String ANY = "*";

    public record Rule(String sport, String marketType, MarginMethod method, BigDecimal overround, Instant updatedAt,
            String updatedBy) {
        public Margin margin() {
            return new Margin(method, overround);
        }
    }

    private static final Margin FALLBACK = new Margin(MarginMethod.PROPORTIONAL, new BigDecimal("0.05"));

    private final JdbcClient jdbc;

    public MarginRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Margin marginFor(String sport, MarketType type) {
        return jdbc.sql("""
                SELECT sport_key, market_type, method, overround, updated_at, updated_by FROM margin_rule
                WHERE sport_key IN (?, '*') AND market_type IN (?, '*')
                ORDER BY sport_key = '*', market_type = '*' LIMIT 1""")
                .params(sport, type.wire())
                .query((rs, row) -> rule(rs)).optional().map(Rule::margin).orElse(FALLBACK);
    }

    public List<Rule> all() {
        return jdbc.sql("SELECT sport_key, market_type, method, overround, updated_at, updated_by FROM margin_rule ORDER BY sport_key, market_type")
                .query((rs, row) -> rule(rs)).list();
    }

    public Rule set(String sport, String marketType, Margin margin, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO margin_rule (sport_key, market_type, method, overround, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (sport_key, market_type) DO UPDATE SET method = excluded.method, overround = excluded.overround,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(sport, marketType, margin.method().name().toLowerCase(Locale.ROOT), margin.overround(),
                        Timestamp.from(at), by)
                .update();
        return new Rule(sport, marketType, margin.method(), margin.overround(), at, by);
    }

    private static Rule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Rule(rs.getString("sport_key"), rs.getString("market_type"),
                MarginMethod.valueOf(rs.getString("method").toUpperCase(Locale.ROOT)), rs.getBigDecimal("overround"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
