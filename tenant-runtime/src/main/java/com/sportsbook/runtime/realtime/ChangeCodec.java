package com.sportsbook.runtime.realtime;

import com.sportsbook.runtime.catalog.CatalogChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** A catalog change as one JSON text on the wire between replicas, and back. */
final class ChangeCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The flat wire form: "event" changes leave the market fields null, "market" changes the score. */
    record Wire(String kind, String tenant, UUID eventId, UUID marketId, long version, String status, Integer homeScore,
            Integer awayScore, List<Move> prices, String ingestedAt) {
    }

    record Move(UUID selectionId, String key, String price, String previous) {
    }

    private ChangeCodec() {
    }

    static String encode(CatalogChange change) {
        Wire wire = switch (change) {
            case CatalogChange.EventChanged event -> new Wire("event", event.tenant(), event.eventId(), null, event.version(),
                    event.status(), event.homeScore(), event.awayScore(), List.of(), event.ingestedAt().toString());
            case CatalogChange.MarketChanged market -> new Wire("market", market.tenant(), market.eventId(), market.marketId(),
                    market.version(), market.status(), null, null, market.prices().stream()
                            .map(move -> new Move(move.selectionId(), move.key(),
                                    move.price() == null ? null : move.price().toPlainString(),
                                    move.previous() == null ? null : move.previous().toPlainString()))
                            .toList(), market.ingestedAt().toString());
        };
        return JSON.writeValueAsString(wire);
    }

    static CatalogChange decode(String text) {
        Wire wire = JSON.readValue(text, Wire.class);
        Instant at = Instant.parse(wire.ingestedAt());
        return switch (wire.kind()) {
            case "event" -> new CatalogChange.EventChanged(wire.tenant(), wire.eventId(), wire.version(), wire.status(),
                    wire.homeScore(), wire.awayScore(), at);
            case "market" -> new CatalogChange.MarketChanged(wire.tenant(), wire.eventId(), wire.marketId(), wire.version(),
                    wire.status(), wire.prices().stream().map(move -> new CatalogChange.PriceMove(move.selectionId(), move.key(),
                            move.price() == null ? null : new BigDecimal(move.price()), move.previous() == null ? null : new BigDecimal(move.previous())))
                            .toList(), at);
            default -> throw new IllegalArgumentException("unknown change kind " + wire.kind());
        };
    }
}
