package com.sportsbook.runtime.settlement.results;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.catalog.EventResults;
import com.sportsbook.runtime.settlement.core.Decision;
import com.sportsbook.runtime.settlement.core.Grading;
import com.sportsbook.runtime.settlement.core.Refusal;
import com.sportsbook.runtime.settlement.core.ScoreRules;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The results bets settle on, per event (scores and statistics) and per market resulted on its own (outrights:
 * winners and places paid, a dead heat when more winners than places). Every result is a version: from the feed or
 * entered by a trader; a manual result on an event or market whose bets stand to pay more than the tenant's
 * approval liability waits for a second person's approval (maker-checker); a result that contradicts the confirmed
 * one is refused unless it is entered as a correction with a reason (the resettlement path); a result that only adds
 * statistics the confirmed one lacked is an amendment. A confirmed result publishes {@link ResultConfirmed}.
 * Everything runs in the caller's transaction on the bound tenant's schema.
 */
public final class ResultBook {

    /** A manual result as a trader enters it; null statistics are not stated; {@code correction} absent is false. */
    public record ManualResult(Integer home, Integer away, Integer halfTimeHome, Integer halfTimeAway, Integer corners,
            Integer cards, List<String> scorers, Boolean correction, String reason) {
        public ManualResult {
            correction = Boolean.TRUE.equals(correction);
        }
    }

    /** The winners of a market resulted on its own, and how many places it pays (1 when absent). */
    public record ManualMarketResult(List<String> winners, Integer places, Boolean correction, String reason) {
        public ManualMarketResult {
            correction = Boolean.TRUE.equals(correction);
        }
    }

    public record EventResult(UUID id, UUID eventId, int version, String source, String status, int home, int away,
            Integer halfTimeHome, Integer halfTimeAway, Integer corners, Integer cards, List<String> scorers,
            boolean correction, String reason, long liability, String enteredBy, Instant enteredAt, String decidedBy,
            Instant decidedAt) {

        Grading.Result grading() {
            return Grading.Result.score(home, away, halfTimeHome, halfTimeAway)
                    .with(corners, cards, scorers == null ? null : Set.copyOf(scorers));
        }
    }

    public record MarketResult(UUID id, UUID marketId, UUID eventId, int version, String status, List<String> winners,
            int places, boolean correction, String reason, long liability, String enteredBy, Instant enteredAt,
            String decidedBy, Instant decidedAt) {
    }

    /** What entering a result did: a new version ({@code created}), or nothing because it is the confirmed one. */
    public record Entry(EventResult result, boolean created) {
    }

    /** A result was confirmed (directly or by approval): the bets on the event are due for settlement. */
    public record ResultConfirmed(String tenant, UUID eventId, UUID resultId, boolean correction) {
    }

    static final String FEED = "feed";

    private final JdbcClient jdbc;
    private final EventResults events;
    private final BetRecords bets;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final AuditTrail audit;

    public ResultBook(JdbcClient jdbc, EventResults events, BetRecords bets, ApplicationEventPublisher publisher, Clock clock,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.bets = bets;
        this.publisher = publisher;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- event results

    public Decision<Entry> enter(UUID eventId, ManualResult request, String actor) {
        Optional<EventResults.EventState> event = events.event(eventId);
        if (event.isEmpty()) {
            return Decision.refused(Refusal.notFound("unknown_event", "There is no event " + eventId + "."));
        }
        Optional<Refusal> bad = validate(event.get(), request);
        if (bad.isPresent()) {
            return Decision.refused(bad.get());
        }
        lockEvent(eventId);
        if (latest(eventId, "pending_approval").isPresent()) {
            return Decision.refused(Refusal.conflict("result_awaiting_approval",
                    "A result of this event waits for approval: approve or reject it first."));
        }
        Optional<EventResult> confirmed = latest(eventId, "confirmed");
        ManualResult merged = request;
        if (confirmed.isPresent()) {
            EventResult old = confirmed.get();
            if (contradicts(old, request)) {
                if (!request.correction()) {
                    return Decision.refused(Refusal.conflict("result_conflict", "The event has a confirmed result "
                            + old.home() + "-" + old.away() + " that this one contradicts; enter it as a correction with a"
                            + " reason to resettle."));
                }
            } else if (!adds(old, request)) {
                return Decision.done(new Entry(old, false));
            } else {
                merged = merge(old, request);
            }
        }
        long liability = bets.liabilityOn(eventId, null);
        boolean needsApproval = liability > approvalLiability();
        // entered as awaiting approval; confirmed at once (the earlier one superseded) when no approval is needed
        EventResult result = insert(eventId, merged, "manual", "pending_approval", request.correction() && confirmed.isPresent(),
                liability, actor);
        if (!needsApproval) {
            confirm(result, actor, false);
        }
        return Decision.done(new Entry(find(result.id()).orElseThrow(), true));
    }

    /**
     * Takes the result the feed reported for the event, if the event has none yet; a feed result that contradicts
     * a confirmed one is kept as {@code disputed} for traders (only a correction resettles).
     */
    public Optional<EventResult> fromFeed(UUID eventId) {
        Optional<EventResults.EventState> event = events.event(eventId);
        if (event.isEmpty() || event.get().feedResult() == null) {
            return Optional.empty();
        }
        EventResults.FeedResult feed = event.get().feedResult();
        ManualResult reported = new ManualResult(feed.home(), feed.away(), feed.halfTimeHome(), feed.halfTimeAway(),
                null, null, null, false, null);
        if (ScoreRules.impossibility(event.get().sport(), grading(reported)).isPresent()) {
            return Optional.empty();
        }
        lockEvent(eventId);
        List<EventResult> all = history(eventId);
        Optional<EventResult> confirmed = all.stream().filter(r -> r.status().equals("confirmed")).findFirst();
        if (all.stream().anyMatch(r -> r.source().equals(FEED) && !contradicts(r, reported) && !adds(r, reported))) {
            return confirmed;
        }
        if (confirmed.isPresent() || all.stream().anyMatch(r -> r.status().equals("pending_approval"))) {
            if (confirmed.isPresent() && !contradicts(confirmed.get(), reported)) {
                return confirmed;
            }
            insert(eventId, reported, FEED, "disputed", false, bets.liabilityOn(eventId, null), FEED);
            return confirmed;
        }
        EventResult result = insert(eventId, reported, FEED, "confirmed", false, bets.liabilityOn(eventId, null), FEED);
        confirm(result, FEED, false);
        return find(result.id());
    }

    public Decision<EventResult> approve(UUID resultId, String actor) {
        Optional<EventResult> found = find(resultId);
        if (found.isEmpty()) {
            return Decision.refused(Refusal.notFound("unknown_result", "There is no result " + resultId + "."));
        }
        lockEvent(found.get().eventId());
        EventResult result = find(resultId).orElseThrow();
        Optional<Refusal> refusal = decidable(result.status(), result.enteredBy(), actor);
        if (refusal.isPresent()) {
            return Decision.refused(refusal.get());
        }
        confirm(result, actor, true);
        return Decision.done(find(resultId).orElseThrow());
    }

    public Decision<EventResult> reject(UUID resultId, String actor, String reason) {
        Optional<EventResult> found = find(resultId);
        if (found.isEmpty()) {
            return Decision.refused(Refusal.notFound("unknown_result", "There is no result " + resultId + "."));
        }
        if (reason == null || reason.isBlank()) {
            return Decision.refused(Refusal.invalid("reason_required", "Say why the result is rejected."));
        }
        lockEvent(found.get().eventId());
        EventResult result = find(resultId).orElseThrow();
        Optional<Refusal> refusal = decidable(result.status(), result.enteredBy(), actor);
        if (refusal.isPresent()) {
            return Decision.refused(refusal.get());
        }
        jdbc.sql("UPDATE event_result SET status = 'rejected', decided_by = ?, decided_at = ?, reason = coalesce(reason || ' / ', '') || ? WHERE id = ?")
                .params(actor, now(), "rejected: " + reason, resultId).update();
        audit.record(AuditEntry.of("result.rejected", result.eventId()).reference(resultId).by(actor).with("version", result.version())
                .with("reason", reason));
        return Decision.done(find(resultId).orElseThrow());
    }

    public Optional<Grading.Result> confirmed(UUID eventId) {
        return latest(eventId, "confirmed").map(EventResult::grading);
    }

    public List<EventResult> history(UUID eventId) {
        return jdbc.sql(SELECT_EVENT + " WHERE event_id = ? ORDER BY version DESC").param(eventId)
                .query((rs, row) -> eventResult(rs)).list();
    }

    public Optional<EventResult> find(UUID resultId) {
        return jdbc.sql(SELECT_EVENT + " WHERE id = ?").param(resultId).query((rs, row) -> eventResult(rs)).optional();
    }

    // ---- market results

    public Decision<MarketResult> enterMarket(UUID marketId, ManualMarketResult request, String actor) {
        Optional<EventResults.MarketFacts> market = events.market(marketId);
        if (market.isEmpty()) {
            return Decision.refused(Refusal.notFound("unknown_market", "There is no market " + marketId + "."));
        }
        if (request.winners() == null || request.winners().isEmpty()) {
            return Decision.refused(Refusal.invalid("invalid_result", "Name at least one winning selection."));
        }
        Set<String> winners = new LinkedHashSet<>(request.winners());
        if (winners.size() != request.winners().size()) {
            return Decision.refused(Refusal.invalid("invalid_result", "A winner is named twice."));
        }
        List<String> unknown = winners.stream().filter(w -> !market.get().selectionKeys().contains(w)).toList();
        if (!unknown.isEmpty()) {
            return Decision.refused(Refusal.invalid("invalid_result", "Not selections of this market: " + unknown + "."));
        }
        int places = request.places() == null ? 1 : request.places();
        if (places < 1 || places > winners.size()) {
            return Decision.refused(Refusal.invalid("invalid_result",
                    "Places paid run from 1 to the number of winners (more winners than places is a dead heat)."));
        }
        if (request.correction() && (request.reason() == null || request.reason().isBlank())) {
            return Decision.refused(Refusal.invalid("reason_required", "A correction needs a reason."));
        }
        jdbc.sql("SELECT id FROM market WHERE id = ? FOR UPDATE").param(marketId).query(UUID.class).single();
        List<MarketResult> all = marketHistory(marketId);
        if (all.stream().anyMatch(r -> r.status().equals("pending_approval"))) {
            return Decision.refused(Refusal.conflict("result_awaiting_approval",
                    "A result of this market waits for approval: approve or reject it first."));
        }
        Optional<MarketResult> confirmed = all.stream().filter(r -> r.status().equals("confirmed")).findFirst();
        if (confirmed.isPresent()) {
            boolean same = Set.copyOf(confirmed.get().winners()).equals(winners) && confirmed.get().places() == places;
            if (same) {
                return Decision.done(confirmed.get());
            }
            if (!request.correction()) {
                return Decision.refused(Refusal.conflict("result_conflict", "The market has a confirmed result "
                        + confirmed.get().winners() + " that this one contradicts; enter it as a correction with a reason to resettle."));
            }
        }
        long liability = bets.liabilityOn(market.get().eventId(), marketId);
        boolean needsApproval = liability > approvalLiability();
        UUID id = UUID.randomUUID();
        int version = all.isEmpty() ? 1 : all.getFirst().version() + 1;
        jdbc.sql("""
                INSERT INTO market_result (id, market_id, event_id, version, status, winners, places, correction, reason,
                  liability, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)""")
                .params(id, marketId, market.get().eventId(), version, "pending_approval",
                        textArray(List.copyOf(winners)), places, request.correction() && confirmed.isPresent(),
                        request.reason(), liability, actor, now())
                .update();
        audit.record(AuditEntry.of("market_result.entered", marketId).reference(id).by(actor).with("version", version)
                .with("winners", List.copyOf(winners)).with("places", places)
                .with("correction", request.correction() && confirmed.isPresent()).with("reason", request.reason())
                .with("liability", liability).with("needsApproval", needsApproval));
        if (!needsApproval) {
            confirmMarket(findMarket(id).orElseThrow(), actor, false);
        }
        return Decision.done(findMarket(id).orElseThrow());
    }

    public Decision<MarketResult> approveMarket(UUID resultId, String actor) {
        Optional<MarketResult> found = findMarket(resultId);
        if (found.isEmpty()) {
            return Decision.refused(Refusal.notFound("unknown_result", "There is no market result " + resultId + "."));
        }
        Optional<Refusal> refusal = decidable(found.get().status(), found.get().enteredBy(), actor);
        if (refusal.isPresent()) {
            return Decision.refused(refusal.get());
        }
        confirmMarket(found.get(), actor, true);
        return Decision.done(findMarket(resultId).orElseThrow());
    }

    public Optional<Grading.Result> confirmedMarket(UUID marketId) {
        return jdbc.sql(SELECT_MARKET + " WHERE market_id = ? AND status = 'confirmed'").param(marketId)
                .query((rs, row) -> marketResult(rs)).optional()
                .map(result -> Grading.Result.outright(result.winners(), result.places()));
    }

    public List<MarketResult> marketHistory(UUID marketId) {
        return jdbc.sql(SELECT_MARKET + " WHERE market_id = ? ORDER BY version DESC").param(marketId)
                .query((rs, row) -> marketResult(rs)).list();
    }

    public Optional<MarketResult> findMarket(UUID resultId) {
        return jdbc.sql(SELECT_MARKET + " WHERE id = ?").param(resultId).query((rs, row) -> marketResult(rs)).optional();
    }

    // ---- the rules

    private Optional<Refusal> validate(EventResults.EventState event, ManualResult request) {
        if (request.home() == null || request.away() == null) {
            return Optional.of(Refusal.invalid("impossible_result", "A result needs both final scores."));
        }
        Optional<String> impossible = ScoreRules.impossibility(event.sport(), grading(request));
        if (impossible.isPresent()) {
            return Optional.of(Refusal.invalid("impossible_result", "This result is impossible: " + impossible.get() + "."));
        }
        if (request.scorers() != null && request.scorers().stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 100)) {
            return Optional.of(Refusal.invalid("impossible_result", "Goalscorers are names of 1 to 100 characters."));
        }
        if (request.correction() && (request.reason() == null || request.reason().isBlank())) {
            return Optional.of(Refusal.invalid("reason_required", "A correction needs a reason."));
        }
        if (request.reason() != null && request.reason().length() > 500) {
            return Optional.of(Refusal.invalid("invalid_result", "A reason is at most 500 characters."));
        }
        if (Set.of("cancelled", "abandoned").contains(event.status())) {
            return Optional.of(Refusal.conflict("event_void", "The event was " + event.status()
                    + ": its bets are void, it takes no result."));
        }
        if (event.status().equals("scheduled") && event.startsAt().isAfter(clock.instant())) {
            return Optional.of(Refusal.conflict("event_not_started", "The event has not started; it cannot have a result."));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> decidable(String status, String enteredBy, String actor) {
        if (!status.equals("pending_approval")) {
            return Optional.of(Refusal.conflict("not_awaiting_approval", "The result is " + status + ", not awaiting approval."));
        }
        if (enteredBy.equals(actor)) {
            return Optional.of(Refusal.forbidden("four_eyes", "Someone other than who entered it must approve or reject it."));
        }
        return Optional.empty();
    }

    /** A stated value that differs from the confirmed one. */
    static boolean contradicts(EventResult old, ManualResult next) {
        return old.home() != next.home() || old.away() != next.away()
                || differs(old.halfTimeHome(), next.halfTimeHome()) || differs(old.halfTimeAway(), next.halfTimeAway())
                || differs(old.corners(), next.corners()) || differs(old.cards(), next.cards())
                || (old.scorers() != null && next.scorers() != null && !Set.copyOf(old.scorers()).equals(Set.copyOf(next.scorers())));
    }

    /** A value the confirmed result lacks. */
    static boolean adds(EventResult old, ManualResult next) {
        return (old.halfTimeHome() == null && next.halfTimeHome() != null) || (old.corners() == null && next.corners() != null)
                || (old.cards() == null && next.cards() != null) || (old.scorers() == null && next.scorers() != null);
    }

    private static boolean differs(Integer old, Integer next) {
        return old != null && next != null && !Objects.equals(old, next);
    }

    private static ManualResult merge(EventResult old, ManualResult next) {
        return new ManualResult(next.home(), next.away(), first(next.halfTimeHome(), old.halfTimeHome()),
                first(next.halfTimeAway(), old.halfTimeAway()), first(next.corners(), old.corners()),
                first(next.cards(), old.cards()), next.scorers() != null ? next.scorers() : old.scorers(), false,
                next.reason() != null ? next.reason() : "amendment: statistics added");
    }

    private static Integer first(Integer a, Integer b) {
        return a != null ? a : b;
    }

    private static Grading.Result grading(ManualResult result) {
        return Grading.Result.score(result.home(), result.away(), result.halfTimeHome(), result.halfTimeAway())
                .with(result.corners(), result.cards(), result.scorers() == null ? null : Set.copyOf(result.scorers()));
    }

    private void confirm(EventResult result, String actor, boolean approval) {
        jdbc.sql("UPDATE event_result SET status = 'superseded' WHERE event_id = ? AND status = 'confirmed' AND id <> ?")
                .params(result.eventId(), result.id()).update();
        jdbc.sql("UPDATE event_result SET status = 'confirmed', decided_by = ?, decided_at = ? WHERE id = ?")
                .params(approval ? actor : result.enteredBy(), now(), result.id()).update();
        audit.record(AuditEntry.of("result.confirmed", result.eventId()).reference(result.id())
                .by(approval ? actor : result.enteredBy()).with("version", result.version()).with("approval", approval)
                .with("correction", result.correction()).with("home", result.home()).with("away", result.away()));
        publisher.publishEvent(new ResultConfirmed(TenantContext.require().slug().value(), result.eventId(), result.id(),
                result.correction()));
    }

    private void confirmMarket(MarketResult result, String actor, boolean approval) {
        jdbc.sql("UPDATE market_result SET status = 'superseded' WHERE market_id = ? AND status = 'confirmed' AND id <> ?")
                .params(result.marketId(), result.id()).update();
        jdbc.sql("UPDATE market_result SET status = 'confirmed', decided_by = ?, decided_at = ? WHERE id = ?")
                .params(approval ? actor : result.enteredBy(), now(), result.id()).update();
        audit.record(AuditEntry.of("market_result.confirmed", result.marketId()).reference(result.id())
                .by(approval ? actor : result.enteredBy()).with("version", result.version()).with("approval", approval)
                .with("correction", result.correction()).with("winners", result.winners()));
        publisher.publishEvent(new ResultConfirmed(TenantContext.require().slug().value(), result.eventId(), result.id(),
                result.correction()));
    }

    private EventResult insert(UUID eventId, ManualResult result, String source, String status, boolean correction,
            long liability, String actor) {
        UUID id = UUID.randomUUID();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM event_result WHERE event_id = ?").param(eventId)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO event_result (id, event_id, version, source, status, home, away, half_time_home, half_time_away,
                  corners, cards, scorers, correction, reason, liability, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)""")
                .params(id, eventId, version, source, status, result.home(), result.away(), result.halfTimeHome(),
                        result.halfTimeAway(), result.corners(), result.cards(),
                        result.scorers() == null ? null : textArray(result.scorers()), correction, result.reason(), liability,
                        actor, now())
                .update();
        audit.record(AuditEntry.of("result.entered", eventId).reference(id).by(actor).with("version", version)
                .with("source", source).with("status", status).with("home", result.home()).with("away", result.away())
                .with("halfTimeHome", result.halfTimeHome()).with("halfTimeAway", result.halfTimeAway())
                .with("corners", result.corners()).with("cards", result.cards()).with("scorers", result.scorers())
                .with("correction", correction).with("reason", result.reason()).with("liability", liability));
        return find(id).orElseThrow();
    }

    /** Results of one event are entered one at a time (two traders at once: the second sees the first's). */
    private void lockEvent(UUID eventId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 11))").param(eventId.toString()).query().listOfRows();
    }

    private Optional<EventResult> latest(UUID eventId, String status) {
        return jdbc.sql(SELECT_EVENT + " WHERE event_id = ? AND status = ? ORDER BY version DESC LIMIT 1")
                .params(eventId, status).query((rs, row) -> eventResult(rs)).optional();
    }

    private long approvalLiability() {
        return jdbc.sql("SELECT result_approval_liability FROM settlement_settings WHERE id = 1").query(Long.class).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** A text[] literal: every element quoted, quotes and backslashes escaped. */
    static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static final String SELECT_EVENT = """
            SELECT id, event_id, version, source, status, home, away, half_time_home, half_time_away, corners, cards, scorers,
              correction, reason, liability, entered_by, entered_at, decided_by, decided_at FROM event_result""";

    private static final String SELECT_MARKET = """
            SELECT id, market_id, event_id, version, status, winners, places, correction, reason, liability, entered_by,
              entered_at, decided_by, decided_at FROM market_result""";

    private static EventResult eventResult(ResultSet rs) throws SQLException {
        return new EventResult(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getInt("version"),
                rs.getString("source"), rs.getString("status"), rs.getInt("home"), rs.getInt("away"),
                (Integer) rs.getObject("half_time_home"), (Integer) rs.getObject("half_time_away"),
                (Integer) rs.getObject("corners"), (Integer) rs.getObject("cards"), strings(rs.getArray("scorers")),
                rs.getBoolean("correction"), rs.getString("reason"), rs.getLong("liability"), rs.getString("entered_by"),
                rs.getTimestamp("entered_at").toInstant(), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")));
    }

    private static MarketResult marketResult(ResultSet rs) throws SQLException {
        return new MarketResult(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getInt("version"), rs.getString("status"),
                strings(rs.getArray("winners")), rs.getInt("places"), rs.getBoolean("correction"), rs.getString("reason"),
                rs.getLong("liability"), rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant(),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
