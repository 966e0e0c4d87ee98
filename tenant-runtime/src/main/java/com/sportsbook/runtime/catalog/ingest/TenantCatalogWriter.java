package com.sportsbook.runtime.catalog.ingest;

import com.sportsbook.runtime.catalog.CatalogChange;
import com.sportsbook.runtime.catalog.TradingHolds;
import com.sportsbook.runtime.feeds.EventStatus;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.MarketStatus;
import com.sportsbook.runtime.feeds.MarketType;
import com.sportsbook.runtime.pricing.Margin;
import com.sportsbook.runtime.pricing.Odds;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies one feed message to the bound tenant's catalog, inside the caller's transaction (whose connection is on
 * the tenant's schema). The event row is locked first and carries the last feed version applied for the event:
 * a message at or below it changes nothing, so redeliveries, restarted feeds and late arrivals are harmless, and
 * two writers of the same event take turns. Every change raises the event's or market's own version and is kept in
 * the history tables (event_change, market_change, price_change). The first time an event goes live (from scheduled,
 * or announced live) its {@code kicked_off_at} is set to the ingestion time, once. Incidents are the exception to
 * version ordering: one is kept whatever its version (late reports with the true time are what past-post detection
 * needs), once per event, kind and time, without touching the event's versions or publishing a change.
 */
public final class TenantCatalogWriter {

    private static final Set<EventStatus> CLOSES_MARKETS = Set.of(EventStatus.FINISHED, EventStatus.ABANDONED,
            EventStatus.CANCELLED);
    private static final Set<EventStatus> SUSPENDS_MARKETS = Set.of(EventStatus.INTERRUPTED, EventStatus.POSTPONED);
    private static final Set<String> FINAL_MARKET_STATUSES = Set.of("resulted", "settled", "cancelled");

    private final JdbcClient jdbc;
    private final MarginRules margins;

    public TenantCatalogWriter(JdbcClient jdbc, MarginRules margins) {
        this.jdbc = jdbc;
        this.margins = margins;
    }

    private record EventRow(UUID id, String sport, String home, String away, long feedVersion, long version,
            EventStatus status) {
    }

    public Applied apply(String tenant, FeedMessage message, Instant now) {
        return switch (message) {
            case FeedMessage.EventUpdate event -> event(tenant, event, now);
            case FeedMessage.MarketUpdate market -> market(tenant, market, now);
            case FeedMessage.Result result -> result(tenant, result, now);
            case FeedMessage.Incident incident -> incident(incident, now);
        };
    }

    private Applied event(String tenant, FeedMessage.EventUpdate update, Instant now) {
        Boolean offered = jdbc.sql("SELECT active FROM sport WHERE sport_key = ?").param(update.sport())
                .query(Boolean.class).optional().orElse(null);
        if (offered == null || !offered) {
            return Applied.not(Applied.Kind.SKIPPED, "the tenant does not offer " + update.sport());
        }
        Optional<EventRow> existing = lockEvent(update.eventRef());
        if (existing.isEmpty()) {
            UUID competition = competition(update.sport(), update.category(), update.competition());
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("""
                    INSERT INTO sport_event (id, feed_ref, competition_id, sport_key, name, home, away, starts_at, status,
                      home_score, away_score, feed_version, version, updated_at, kicked_off_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (feed_ref) DO NOTHING""")
                    .params(id, update.eventRef(), competition, update.sport(), update.name(), update.home(), update.away(),
                            Timestamp.from(update.startsAt()), update.status().wire(), homeScore(update), awayScore(update),
                            update.version(), Timestamp.from(now),
                            update.status() == EventStatus.LIVE ? Timestamp.from(now) : null)
                    .update();
            if (inserted == 0) {
                // another writer created it meanwhile: take the ordinary path on its row
                return event(tenant, update, now);
            }
            eventHistory(id, 1, update.version(), update.status(), update, now);
            return Applied.applied(List.of(new CatalogChange.EventChanged(tenant, id, 1, update.status().wire(),
                    homeScore(update), awayScore(update), now)));
        }
        EventRow event = existing.get();
        Applied order = order(event, update.version());
        if (order != null) {
            return order;
        }
        if (!event.status().canBecome(update.status())) {
            return Applied.not(Applied.Kind.SKIPPED, "an event cannot go from " + event.status().wire() + " to "
                    + update.status().wire());
        }
        long version = event.version() + 1;
        // a resumption (interrupted -> live) is not a kick-off; kicked_off_at, once set, never moves
        boolean kicksOff = update.status() == EventStatus.LIVE && event.status() == EventStatus.SCHEDULED;
        jdbc.sql("""
                UPDATE sport_event SET name = ?, home = ?, away = ?, starts_at = ?, status = ?, home_score = ?, away_score = ?,
                  feed_version = ?, version = ?, updated_at = ?, kicked_off_at = COALESCE(kicked_off_at, ?) WHERE id = ?""")
                .params(update.name(), update.home(), update.away(), Timestamp.from(update.startsAt()),
                        update.status().wire(), homeScore(update), awayScore(update), update.version(), version,
                        Timestamp.from(now), kicksOff ? Timestamp.from(now) : null, event.id())
                .update();
        eventHistory(event.id(), version, update.version(), update.status(), update, now);
        List<CatalogChange> changes = new ArrayList<>();
        changes.add(new CatalogChange.EventChanged(tenant, event.id(), version, update.status().wire(), homeScore(update),
                awayScore(update), now));
        if (update.status() != event.status()) {
            if (CLOSES_MARKETS.contains(update.status())) {
                changes.addAll(moveMarkets(tenant, event.id(), Set.of("open", "suspended"), MarketStatus.CLOSED,
                        update.version(), now));
            } else if (SUSPENDS_MARKETS.contains(update.status())) {
                changes.addAll(moveMarkets(tenant, event.id(), Set.of("open"), MarketStatus.SUSPENDED, update.version(), now));
            }
        }
        return Applied.applied(changes);
    }

    private Applied market(String tenant, FeedMessage.MarketUpdate update, Instant now) {
        Optional<EventRow> found = lockEvent(update.eventRef());
        if (found.isEmpty()) {
            return Applied.not(Applied.Kind.UNKNOWN_EVENT, "unknown event " + update.eventRef());
        }
        EventRow event = found.get();
        Applied order = order(event, update.version());
        if (order != null) {
            return order;
        }
        if (!event.status().offered() && update.status() == MarketStatus.OPEN) {
            return Applied.not(Applied.Kind.SKIPPED, "the event is " + event.status().wire() + ": its markets stay closed");
        }
        Map<String, Object> market = jdbc.sql("SELECT id, event_id, status, version FROM market WHERE feed_ref = ? FOR UPDATE")
                .param(update.marketRef()).query().listOfRows().stream().findFirst().orElse(null);
        UUID marketId;
        long version;
        String previousStatus;
        if (market == null) {
            Optional<String> incomplete = incompleteBook(update);
            if (incomplete.isPresent()) {
                return Applied.not(Applied.Kind.SKIPPED, incomplete.get());
            }
            marketId = UUID.randomUUID();
            version = 1;
            previousStatus = null;
            jdbc.sql("""
                    INSERT INTO market (id, event_id, feed_ref, market_type, market_group, line, status, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)""")
                    .params(marketId, event.id(), update.marketRef(), update.type().wire(), update.type().group().wire(),
                            update.line(), update.status().wire(), Timestamp.from(now))
                    .update();
        } else {
            marketId = (UUID) market.get("id");
            previousStatus = (String) market.get("status");
            if (!event.id().equals(market.get("event_id"))) {
                return Applied.not(Applied.Kind.SKIPPED, "market " + update.marketRef() + " belongs to another event");
            }
            if (FINAL_MARKET_STATUSES.contains(previousStatus)) {
                return Applied.not(Applied.Kind.SKIPPED, "market " + update.marketRef() + " is " + previousStatus);
            }
            version = ((Number) market.get("version")).longValue() + 1;
        }
        List<CatalogChange.PriceMove> moves = prices(event, marketId, update, version, now);
        boolean statusChanged = !update.status().wire().equals(previousStatus);
        if (market != null && !statusChanged && moves.isEmpty()) {
            touchEvent(event.id(), update.version());
            return Applied.applied(List.of());
        }
        if (market != null) {
            jdbc.sql("UPDATE market SET status = ?, version = ?, updated_at = ? WHERE id = ?")
                    .params(update.status().wire(), version, Timestamp.from(now), marketId).update();
        }
        marketHistory(marketId, version, update.version(), update.status(), now);
        touchEvent(event.id(), update.version());
        String shown = update.status() == MarketStatus.OPEN && held(marketId) ? MarketStatus.SUSPENDED.wire() : update.status().wire();
        return Applied.applied(List.of(new CatalogChange.MarketChanged(tenant, event.id(), marketId, version, shown, moves, now)));
    }

    private Applied result(String tenant, FeedMessage.Result result, Instant now) {
        Optional<EventRow> found = lockEvent(result.eventRef());
        if (found.isEmpty()) {
            return Applied.not(Applied.Kind.UNKNOWN_EVENT, "unknown event " + result.eventRef());
        }
        EventRow event = found.get();
        Applied order = order(event, result.version());
        if (order != null) {
            return order;
        }
        if (event.status() != EventStatus.FINISHED && event.status() != EventStatus.LIVE
                && event.status() != EventStatus.INTERRUPTED) {
            return Applied.not(Applied.Kind.SKIPPED, "an event that is " + event.status().wire() + " takes no result");
        }
        long version = event.version() + 1;
        jdbc.sql("""
                UPDATE sport_event SET status = 'resulted', home_score = ?, away_score = ?, result_home = ?, result_away = ?,
                  result_half_time_home = ?, result_half_time_away = ?, feed_version = ?, version = ?, updated_at = ?
                WHERE id = ?""")
                .params(result.homeGoals(), result.awayGoals(), result.homeGoals(), result.awayGoals(),
                        result.halfTimeHomeGoals(), result.halfTimeAwayGoals(), result.version(), version,
                        Timestamp.from(now), event.id())
                .update();
        jdbc.sql("""
                INSERT INTO event_change (event_id, version, feed_version, status, home_score, away_score, changed_at)
                VALUES (?, ?, ?, 'resulted', ?, ?, ?)""")
                .params(event.id(), version, result.version(), result.homeGoals(), result.awayGoals(), Timestamp.from(now))
                .update();
        List<CatalogChange> changes = new ArrayList<>();
        changes.add(new CatalogChange.EventChanged(tenant, event.id(), version, EventStatus.RESULTED.wire(),
                result.homeGoals(), result.awayGoals(), now));
        changes.addAll(moveMarkets(tenant, event.id(), Set.of("open", "suspended", "closed"), MarketStatus.RESULTED,
                result.version(), now));
        return Applied.applied(changes);
    }

    /**
     * Keeps an incident with its true time, however late it comes: no version check and no lock on the event (the
     * unique key settles two writers of the same incident), no change to the event's versions, nothing to publish.
     */
    private Applied incident(FeedMessage.Incident incident, Instant now) {
        Optional<String> problem = incident.problem();
        if (problem.isPresent()) {
            return Applied.not(Applied.Kind.SKIPPED, problem.get());
        }
        Optional<UUID> event = jdbc.sql("SELECT id FROM sport_event WHERE feed_ref = ?").param(incident.eventRef())
                .query(UUID.class).optional();
        if (event.isEmpty()) {
            return Applied.not(Applied.Kind.UNKNOWN_EVENT, "unknown event " + incident.eventRef());
        }
        int inserted = jdbc.sql("""
                INSERT INTO event_incident (event_id, kind, occurred_at, reported_at, feed_version) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id, kind, occurred_at) DO NOTHING""")
                .params(event.get(), incident.kind(), Timestamp.from(incident.occurredAt()), Timestamp.from(now),
                        incident.version())
                .update();
        if (inserted == 0) {
            return Applied.not(Applied.Kind.DUPLICATE, "the " + incident.kind() + " at " + incident.occurredAt()
                    + " was reported before");
        }
        return Applied.applied(List.of());
    }

    /**
     * Prices the market's book with the tenant's margin and writes what moved. For types with fixed selections a
     * message may carry some prices only (the others keep theirs); for scores and names (correct score, goalscorer,
     * outright) a message carries the whole book, and a selection it leaves out is withdrawn.
     */
    private List<CatalogChange.PriceMove> prices(EventRow event, UUID marketId, FeedMessage.MarketUpdate update,
            long marketVersion, Instant now) {
        if (update.prices().isEmpty()) {
            return List.of();
        }
        record Current(UUID id, BigDecimal source, BigDecimal offered, int order, boolean active) {
        }
        Map<String, Current> current = new LinkedHashMap<>();
        jdbc.sql("SELECT id, selection_key, source_price, offered_price, display_order, active FROM selection WHERE market_id = ? ORDER BY display_order")
                .param(marketId)
                .query((rs, row) -> current.put(rs.getString("selection_key"), new Current(rs.getObject("id", UUID.class),
                        rs.getBigDecimal("source_price"), rs.getBigDecimal("offered_price"), rs.getInt("display_order"),
                        rs.getBoolean("active"))))
                .list();
        boolean wholeBook = update.type().selectionKeys().isEmpty();
        Map<String, Odds> source = new LinkedHashMap<>();
        if (!wholeBook) {
            current.forEach((key, selection) -> source.put(key, new Odds(selection.source())));
        }
        orderedKeys(update).forEach(key -> source.put(key, new Odds(update.prices().get(key))));
        Margin margin = margins.marginFor(event.sport(), update.type());
        Map<String, Odds> offered = margin.offer(source, update.type() != MarketType.ANYTIME_GOALSCORER);

        List<CatalogChange.PriceMove> moves = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        int nextOrder = current.size();
        for (Map.Entry<String, Odds> entry : source.entrySet()) {
            String key = entry.getKey();
            BigDecimal sourcePrice = entry.getValue().decimal();
            BigDecimal offeredPrice = offered.get(key).decimal();
            Current before = current.get(key);
            UUID id;
            if (before == null) {
                id = UUID.randomUUID();
                jdbc.sql("""
                        INSERT INTO selection (id, market_id, selection_key, name, display_order, source_price, offered_price)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, marketId, key, SelectionNames.name(update.type(), key, update.line(), event.home(), event.away()),
                                nextOrder++, sourcePrice, offeredPrice)
                        .update();
            } else if (!before.active() || before.source().compareTo(sourcePrice) != 0
                    || before.offered().compareTo(offeredPrice) != 0) {
                id = before.id();
                jdbc.sql("UPDATE selection SET source_price = ?, offered_price = ?, active = true WHERE id = ?")
                        .params(sourcePrice, offeredPrice, id).update();
            } else {
                continue;
            }
            history.add(new Object[] {id, marketVersion, sourcePrice, offeredPrice, margin.method().name().toLowerCase(),
                    margin.overround(), Timestamp.from(now)});
            if (before == null || !before.active() || before.offered().compareTo(offeredPrice) != 0) {
                moves.add(new CatalogChange.PriceMove(id, key, offeredPrice,
                        before == null || !before.active() ? null : before.offered()));
            }
        }
        if (wholeBook) {
            current.forEach((key, selection) -> {
                if (selection.active() && !source.containsKey(key)) {
                    jdbc.sql("UPDATE selection SET active = false WHERE id = ?").param(selection.id()).update();
                    moves.add(new CatalogChange.PriceMove(selection.id(), key, null, selection.offered()));
                }
            });
        }
        for (Object[] row : history) {
            jdbc.sql("""
                    INSERT INTO price_change (selection_id, market_version, source_price, offered_price, margin_method, overround, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""").params(row).update();
        }
        return moves;
    }

    /** The fixed selections first in their canonical order, then any others in the order the feed sent them. */
    private static List<String> orderedKeys(FeedMessage.MarketUpdate update) {
        List<String> keys = new ArrayList<>();
        update.type().selectionKeys().stream().filter(update.prices()::containsKey).forEach(keys::add);
        update.prices().keySet().stream().filter(key -> !keys.contains(key)).sorted().forEach(keys::add);
        return keys;
    }

    private static Optional<String> incompleteBook(FeedMessage.MarketUpdate update) {
        if (update.prices().isEmpty()) {
            return Optional.of("a new market needs prices");
        }
        List<String> fixed = update.type().selectionKeys();
        if (!fixed.isEmpty() && !update.prices().keySet().containsAll(fixed)) {
            return Optional.of("a new " + update.type().wire() + " market needs prices for " + String.join(", ", fixed));
        }
        return Optional.empty();
    }

    private List<CatalogChange> moveMarkets(String tenant, UUID event, Set<String> from, MarketStatus to, long feedVersion,
            Instant now) {
        List<CatalogChange> changes = new ArrayList<>();
        jdbc.sql("SELECT id, status, version FROM market WHERE event_id = ? ORDER BY id FOR UPDATE").param(event)
                .query().listOfRows().stream()
                .filter(row -> from.contains((String) row.get("status")))
                .forEach(row -> {
                    UUID market = (UUID) row.get("id");
                    long version = ((Number) row.get("version")).longValue() + 1;
                    jdbc.sql("UPDATE market SET status = ?, version = ?, updated_at = ? WHERE id = ?")
                            .params(to.wire(), version, Timestamp.from(now), market).update();
                    marketHistory(market, version, feedVersion, to, now);
                    changes.add(new CatalogChange.MarketChanged(tenant, event, market, version, to.wire(), List.of(), now));
                });
        return changes;
    }

    /** A trading hold keeps a market suspended for players whatever the feed says. */
    private boolean held(UUID market) {
        return jdbc.sql("SELECT " + TradingHolds.MARKET_HELD + " FROM market m JOIN sport_event e ON e.id = m.event_id WHERE m.id = ?")
                .param(market).query(Boolean.class).single();
    }

    private Optional<EventRow> lockEvent(String feedRef) {
        return jdbc.sql("SELECT id, sport_key, home, away, feed_version, version, status FROM sport_event WHERE feed_ref = ? FOR UPDATE")
                .param(feedRef)
                .query((rs, row) -> new EventRow(rs.getObject("id", UUID.class), rs.getString("sport_key"), rs.getString("home"),
                        rs.getString("away"), rs.getLong("feed_version"), rs.getLong("version"),
                        EventStatus.fromWire(rs.getString("status"))))
                .optional();
    }

    private static Applied order(EventRow event, long version) {
        if (version == event.feedVersion()) {
            return Applied.not(Applied.Kind.DUPLICATE, "version " + version + " was applied before");
        }
        if (version < event.feedVersion()) {
            return Applied.not(Applied.Kind.STALE, "version " + version + " is older than " + event.feedVersion());
        }
        return null;
    }

    private void touchEvent(UUID event, long feedVersion) {
        jdbc.sql("UPDATE sport_event SET feed_version = ? WHERE id = ?").params(feedVersion, event).update();
    }

    private void eventHistory(UUID event, long version, long feedVersion, EventStatus status, FeedMessage.EventUpdate update,
            Instant now) {
        jdbc.sql("""
                INSERT INTO event_change (event_id, version, feed_version, status, home_score, away_score, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(event, version, feedVersion, status.wire(), homeScore(update), awayScore(update), Timestamp.from(now))
                .update();
    }

    private void marketHistory(UUID market, long version, long feedVersion, MarketStatus status, Instant now) {
        jdbc.sql("INSERT INTO market_change (market_id, version, feed_version, status, changed_at) VALUES (?, ?, ?, ?, ?)")
                .params(market, version, feedVersion, status.wire(), Timestamp.from(now)).update();
    }

    private UUID competition(String sport, String categoryName, String competitionName) {
        String category = Objects.requireNonNullElse(categoryName, "International");
        String competition = Objects.requireNonNullElse(competitionName, "Other");
        jdbc.sql("INSERT INTO category (id, sport_key, name) VALUES (?, ?, ?) ON CONFLICT (sport_key, name) DO NOTHING")
                .params(UUID.randomUUID(), sport, category).update();
        UUID categoryId = jdbc.sql("SELECT id FROM category WHERE sport_key = ? AND name = ?").params(sport, category)
                .query(UUID.class).single();
        jdbc.sql("INSERT INTO competition (id, category_id, name) VALUES (?, ?, ?) ON CONFLICT (category_id, name) DO NOTHING")
                .params(UUID.randomUUID(), categoryId, competition).update();
        return jdbc.sql("SELECT id FROM competition WHERE category_id = ? AND name = ?").params(categoryId, competition)
                .query(UUID.class).single();
    }

    private static Integer homeScore(FeedMessage.EventUpdate update) {
        return update.score() == null ? null : update.score().home();
    }

    private static Integer awayScore(FeedMessage.EventUpdate update) {
        return update.score() == null ? null : update.score().away();
    }
}
