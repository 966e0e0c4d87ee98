package com.sportsbook.runtime.settlement.run;

import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.catalog.EventResults;
import com.sportsbook.runtime.catalog.EventTimeline;
import com.sportsbook.runtime.settlement.results.ResultBook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Settlement runs for the bound tenant: every bet with a leg on an event, in bet order, in batches of one
 * transaction each. The run row keeps the position reached and the counts, committed with each batch, so a run
 * that dies (a crash, a killed connection) is resumed from its last batch by the next run of the event; a bet
 * settled before the crash is seen settled (its verdict unchanged) and pays nothing again. One run per event is
 * running at a time; two workers resuming it take its batches in turn.
 */
public final class SettlementRuns {

    public record Run(UUID id, UUID eventId, String trigger, String status, int betsSeen, int betsSettled,
            int betsResettled, int betsWaiting, Instant startedAt, Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final BetRecords records;
    private final BetSettler settler;
    private final EventResults events;
    private final EventTimeline timelines;
    private final ResultBook results;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final int batchSize;

    public SettlementRuns(JdbcClient jdbc, BetRecords records, BetSettler settler, EventResults events,
            EventTimeline timelines, ResultBook results, TransactionOperations transactions, Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.records = records;
        this.settler = settler;
        this.events = events;
        this.timelines = timelines;
        this.results = results;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Settles (or resettles) every bet on the event, resuming the event's unfinished run if there is one. */
    public Run settleEvent(UUID eventId, String trigger) {
        UUID runId = transactions.execute(status -> open(eventId, trigger));
        while (Boolean.TRUE.equals(transactions.execute(status -> batch(runId)))) {
            // the batch was full: there may be more
        }
        return transactions.execute(status -> find(runId).orElseThrow());
    }

    /** Settles (or resettles) one bet now, in the caller's transaction: after a manual void, for instance. */
    public BetSettler.Change settleBet(UUID betId, String cause) {
        Instant now = clock.instant();
        return settler.settle(betId, new SettlementFacts(jdbc, events, timelines, results, now), cause, now);
    }

    /**
     * The sweep's query (public for its plan test). It starts from what happened to events, which is little, and
     * only then asks whether a bet still runs on the event (through the legs' event index): a walk of every open bet,
     * the book's largest set, took seconds of a sweep every minute once a hundred thousand bets were open. Its cost
     * now grows with the confirmed results (one per market, each a lookup of the event's runs), not with the bets.
     * The {@code OFFSET 0} keeps the running-bet question a look-up per event: without it PostgreSQL may answer it as one
     * join of all the events with all the bets, which on small tables (a new tenant, a test) is cheaper and walks every
     * bet again. Parameters: the postponement cut-off (an hour ago) and the stale-run cut-off (two minutes ago).
     */
    public static final String DUE = """
            SELECT event_id FROM (
              SELECT c.event_id FROM (
                SELECT r.event_id, NULL::uuid AS market_id FROM event_result r
                WHERE r.status = 'confirmed'
                AND NOT EXISTS (SELECT 1 FROM settlement_run s WHERE s.event_id = r.event_id AND s.status = 'finished'
                                AND s.started_at >= r.decided_at)
                UNION ALL
                SELECT m.event_id, m.market_id FROM market_result m
                WHERE m.status = 'confirmed'
                AND NOT EXISTS (SELECT 1 FROM settlement_run s WHERE s.event_id = m.event_id AND s.status = 'finished'
                                AND s.started_at >= m.decided_at)
                UNION ALL
                SELECT e.id, NULL::uuid FROM sport_event e
                WHERE (e.status IN ('cancelled', 'abandoned')
                       OR (e.status = 'resulted' AND NOT EXISTS (SELECT 1 FROM event_result r WHERE r.event_id = e.id)))
                AND NOT EXISTS (SELECT 1 FROM settlement_run s WHERE s.event_id = e.id AND s.status = 'finished'
                                AND s.started_at >= e.updated_at)
                UNION ALL
                SELECT e.id, NULL::uuid FROM sport_event e
                WHERE e.status = 'postponed'
                AND NOT EXISTS (SELECT 1 FROM settlement_run s WHERE s.event_id = e.id AND s.started_at >= ?)
              ) c
              WHERE EXISTS (SELECT 1 FROM bet_leg l JOIN bet b ON b.id = l.bet_id
                            WHERE l.event_id = c.event_id AND (c.market_id IS NULL OR l.market_id = c.market_id)
                            AND b.status IN ('accepted', 'open', 'partially_cashed_out') OFFSET 0)
              UNION
              SELECT r.event_id FROM event_result r WHERE r.status = 'confirmed' AND r.correction
              AND NOT EXISTS (SELECT 1 FROM settlement_run s WHERE s.event_id = r.event_id AND s.status = 'finished'
                              AND s.started_at >= r.decided_at)
              UNION
              SELECT event_id FROM settlement_run WHERE status = 'running' AND updated_at < ?
            ) due LIMIT 200""";

    /**
     * Events of the bound tenant that need a run: a confirmed result, a market result (with a running bet on that
     * market), or a cancellation, abandonment or postponement that no finished run has followed yet while bets on
     * them still run; a correction no run has followed; and runs that stopped without finishing (not touched for two
     * minutes).
     */
    public List<UUID> due() {
        // the times are computed here: a java.sql.Timestamp goes to PostgreSQL untyped, and "? - interval" resolved to
        // interval - interval, so every sweep failed ("timestamp with time zone >= interval")
        return transactions.execute(status -> jdbc.sql(DUE)
                .params(Timestamp.from(clock.instant().minus(Duration.ofHours(1))),
                        Timestamp.from(clock.instant().minus(Duration.ofMinutes(2)))).query(UUID.class).list());
    }

    public List<Run> runs(UUID eventId) {
        return jdbc.sql(SELECT + " WHERE event_id = ? ORDER BY started_at DESC LIMIT 50").param(eventId)
                .query((rs, row) -> run(rs)).list();
    }

    private UUID open(UUID eventId, String trigger) {
        Optional<UUID> running = jdbc.sql("SELECT id FROM settlement_run WHERE event_id = ? AND status = 'running'")
                .param(eventId).query(UUID.class).optional();
        if (running.isPresent()) {
            return running.get();
        }
        jdbc.sql("""
                INSERT INTO settlement_run (id, event_id, trigger, status, started_at, updated_at)
                VALUES (?, ?, ?, 'running', ?, ?) ON CONFLICT (event_id) WHERE status = 'running' DO NOTHING""")
                .params(UUID.randomUUID(), eventId, trigger.length() > 200 ? trigger.substring(0, 200) : trigger, now(), now())
                .update();
        return jdbc.sql("SELECT id FROM settlement_run WHERE event_id = ? AND status = 'running'")
                .param(eventId).query(UUID.class).single();
    }

    /** One batch of the run in the caller's transaction; true when the batch was full (more may follow). */
    private boolean batch(UUID runId) {
        Map<String, Object> run = jdbc.sql("SELECT event_id, trigger, status, cursor_bet FROM settlement_run WHERE id = ? FOR UPDATE")
                .param(runId).query().singleRow();
        if (!"running".equals(run.get("status"))) {
            return false;
        }
        UUID eventId = (UUID) run.get("event_id");
        Instant now = clock.instant();
        SettlementFacts facts = new SettlementFacts(jdbc, events, timelines, results, now);
        List<UUID> bets = records.onEvent(eventId, (UUID) run.get("cursor_bet"), batchSize);
        int settled = 0;
        int resettled = 0;
        int waiting = 0;
        for (UUID bet : bets) {
            switch (settler.settle(bet, facts, (String) run.get("trigger"), now)) {
                case SETTLED -> settled++;
                case RESETTLED -> resettled++;
                case WAITING -> waiting++;
                case UNCHANGED, NOT_SETTLEABLE -> {
                }
            }
        }
        boolean more = bets.size() == batchSize;
        jdbc.sql("""
                UPDATE settlement_run SET cursor_bet = coalesce(?, cursor_bet), bets_seen = bets_seen + ?,
                  bets_settled = bets_settled + ?, bets_resettled = bets_resettled + ?, bets_waiting = bets_waiting + ?,
                  updated_at = ?, status = ?, finished_at = ? WHERE id = ?""")
                .params(bets.isEmpty() ? null : bets.getLast(), bets.size(), settled, resettled, waiting, Timestamp.from(now),
                        more ? "running" : "finished", more ? null : Timestamp.from(now), runId)
                .update();
        return more;
    }

    public Optional<Run> find(UUID runId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(runId).query((rs, row) -> run(rs)).optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static final String SELECT = """
            SELECT id, event_id, trigger, status, bets_seen, bets_settled, bets_resettled, bets_waiting, started_at, finished_at
            FROM settlement_run""";

    private static Run run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("trigger"),
                rs.getString("status"), rs.getInt("bets_seen"), rs.getInt("bets_settled"), rs.getInt("bets_resettled"),
                rs.getInt("bets_waiting"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
