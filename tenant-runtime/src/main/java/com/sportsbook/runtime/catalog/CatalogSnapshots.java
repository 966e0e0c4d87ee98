package com.sportsbook.runtime.catalog;

import com.sportsbook.runtime.catalog.read.CatalogReads;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current state of some events and markets of the bound tenant, in the shape of the changes the live push sends
 * (every selection as a price move from nothing): what a skin receives when it (re)connects, before the deltas.
 */
@Component
public class CatalogSnapshots {

    private final CatalogReads reads;
    private final Clock clock;

    CatalogSnapshots(JdbcClient jdbc, Clock clock) {
        this.reads = new CatalogReads(jdbc);
        this.clock = clock;
    }

    /** The events (with all their markets) and the single markets named, for the bound tenant. */
    @Transactional(readOnly = true)
    public List<CatalogChange> snapshot(String tenant, Set<UUID> events, Set<UUID> markets) {
        List<CatalogChange> state = new ArrayList<>();
        Set<UUID> eventsNeeded = new LinkedHashSet<>(events);
        for (UUID event : events) {
            reads.event(event).ifPresent(row -> state.add(new CatalogChange.EventChanged(tenant, row.id(), row.version(),
                    row.status(), row.homeScore(), row.awayScore(), clock.instant())));
        }
        List<CatalogReads.MarketRow> rows = new ArrayList<>(reads.markets(List.copyOf(eventsNeeded), false));
        if (!markets.isEmpty()) {
            rows.addAll(reads.marketsById(List.copyOf(markets)));
        }
        Set<UUID> seen = new LinkedHashSet<>();
        for (CatalogReads.MarketRow market : rows) {
            if (seen.add(market.id())) {
                state.add(new CatalogChange.MarketChanged(tenant, market.eventId(), market.id(), market.version(),
                        market.status(), market.selections().stream()
                                .map(s -> new CatalogChange.PriceMove(s.id(), s.key(), s.price(), null)).toList(),
                        clock.instant()));
            }
        }
        return state;
    }
}
