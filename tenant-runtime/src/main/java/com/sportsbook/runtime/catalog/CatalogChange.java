package com.sportsbook.runtime.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A committed change of a tenant's catalog, published after the commit for the skins' live push. Each carries
 * its tenant, the event, the new version of what changed and only what changed (a delta).
 */
public sealed interface CatalogChange {

    String tenant();

    UUID eventId();

    long version();

    /** When the change was ingested, for push latency. */
    Instant ingestedAt();

    /** An event's status or score changed. */
    record EventChanged(String tenant, UUID eventId, long version, String status, Integer homeScore, Integer awayScore,
            Instant ingestedAt) implements CatalogChange {
    }

    /** A market's status or some of its offered prices changed; {@code prices} lists only the selections that moved. */
    record MarketChanged(String tenant, UUID eventId, UUID marketId, long version, String status,
            List<PriceMove> prices, Instant ingestedAt) implements CatalogChange {
        public MarketChanged {
            prices = List.copyOf(prices);
        }
    }

    /**
     * A selection's new offered price and the one before it (null for a new selection); a null {@code price} means
     * the selection was withdrawn (the feed no longer prices it).
     */
    record PriceMove(UUID selectionId, String key, BigDecimal price, BigDecimal previous) {
    }
}
