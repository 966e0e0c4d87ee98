package com.sportsbook.runtime.betting.web;

import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liability for traders: per selection (what the book pays if it wins, net of the stakes it keeps on the rest of
 * the market), rolled up to the market (its worst selection) and the event (the sum of its markets' worst cases).
 */
@RestController
class RiskController {

    private final JdbcClient jdbc;

    RiskController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SelectionLiability(UUID selectionId, String selection, long stakes, long payouts, long liability) {
    }

    record MarketLiability(UUID marketId, String market, String currency, long stakes, long liability,
            List<SelectionLiability> selections) {
    }

    record EventLiability(UUID eventId, String currency, long liability, List<MarketLiability> markets) {
    }

    @GetMapping("/api/v1/backoffice/risk/events/{eventId}")
    @Operation(summary = "An event's liability per currency, market and selection")
    @Transactional(readOnly = true)
    ResponseEntity<?> event(@PathVariable String eventId) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return Problems.invalidField("Not an event id.", "eventId", "an event id");
        }
        record Row(UUID market, String marketType, String currency, UUID selection, String name, long stakes, long payouts) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT m.id, m.market_type, x.currency, s.id, s.name, x.stakes, x.payouts
                FROM selection_exposure x JOIN selection s ON s.id = x.selection_id JOIN market m ON m.id = x.market_id
                WHERE m.event_id = ? ORDER BY x.currency, m.id, s.display_order""")
                .param(id)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getLong(6), rs.getLong(7)))
                .list();
        List<EventLiability> perCurrency = rows.stream().map(Row::currency).distinct().map(currency -> {
            List<MarketLiability> markets = rows.stream().filter(r -> r.currency().equals(currency)).map(Row::market).distinct()
                    .map(market -> {
                        List<Row> inMarket = rows.stream().filter(r -> r.currency().equals(currency) && r.market().equals(market)).toList();
                        long stakes = inMarket.stream().mapToLong(Row::stakes).sum();
                        List<SelectionLiability> selections = inMarket.stream().map(r -> new SelectionLiability(r.selection(),
                                r.name(), r.stakes(), r.payouts(), r.payouts() - stakes)).toList();
                        long worst = selections.stream().mapToLong(SelectionLiability::liability).max().orElse(0);
                        return new MarketLiability(market, inMarket.getFirst().marketType(), currency, stakes, worst, selections);
                    }).toList();
            return new EventLiability(id, currency, markets.stream().mapToLong(MarketLiability::liability).sum(), markets);
        }).toList();
        return ResponseEntity.ok(perCurrency);
    }
}
