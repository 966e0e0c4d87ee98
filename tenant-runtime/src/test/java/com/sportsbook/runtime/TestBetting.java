package com.sportsbook.runtime;

import com.sportsbook.runtime.identity.PlayerView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What betting tests need around a bet: a selection as the catalog offers it, a bet slip as the skin sends it, and a
 * player of the brand "main".
 */
public final class TestBetting {

    private TestBetting() {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A selection's id and offered price. */
    public record Selection(UUID id, BigDecimal price) {

        /** The selection as a bet slip names it: its id and the price the player saw. */
        public Map<String, Object> onSlip() {
            return Map.of("selectionId", id.toString(), "price", price.toPlainString());
        }
    }

    /** A bet slip as the skin posts it to {@code /api/v1/bets}, taking any price the selections have moved to. */
    public static String slip(String type, long stake, String currency, List<Map<String, Object>> selections) {
        return JSON.writeValueAsString(Map.of("type", type, "stake", Map.of("amount", stake, "currency", currency),
                "oddsPolicy", "any", "selections", selections));
    }

    /** The selection {@code key} of the market with feed reference {@code marketRef}, in the caller's tenant transaction. */
    public static Selection offered(JdbcClient sql, String marketRef, String key) {
        return sql.sql("""
                SELECT s.id, s.offered_price FROM selection s JOIN market m ON m.id = s.market_id
                WHERE m.feed_ref = ? AND s.selection_key = ?""").params(marketRef, key)
                .query((rs, row) -> new Selection(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).single();
    }

    /** An active adult player of the brand "main" in Malta, playing in euros. */
    public static PlayerView punter(UUID id) {
        return new PlayerView(id, "main", id + "@example.com", "Pat", "Punter", LocalDate.of(1990, 1, 1), "MT", "EUR",
                "active", Instant.now());
    }
}
