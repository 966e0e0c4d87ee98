package com.sportsbook.runtime.betting.placement;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.sportsbook.commons.sql.RoundTrip;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bets in the bound tenant's schema: written in the placement's transaction, read for players and the delay. */
public final class BetRecords {

    /** A bet row as written at placement. */
    public record NewBet(UUID id, UUID playerId, String brand, String currency, String type, long unitStake, int lines,
            long totalStake, long potentialReturn, String oddsPolicy, boolean inPlay, String status,
            String idempotencyKey, String requestHash, Instant placedAt, Instant acceptAfter, UUID stakeTransactionId,
            UUID stakeHoldId) {
    }

    public record Line(int lineNo, List<Integer> positions, BigDecimal odds, long stake) {
    }

    private final JdbcClient jdbc;

    public BetRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bet placed earlier with this key, with the hash of what was asked. */
    public Optional<IdempotentBet> byKey(UUID player, String key) {
        return jdbc.sql("SELECT id, request_hash FROM bet WHERE player_id = ? AND idempotency_key = ?").params(player, key)
                .query((rs, row) -> new IdempotentBet(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    public record IdempotentBet(UUID id, String requestHash) {
    }

    /**
     * A new bet with its legs, lines and first transition, in one statement (one round trip, whatever the number of
     * legs and lines: the arrays are unnested into rows, so a 20-leg system bet costs what a single does). The bet row
     * claims the idempotency key: false, and nothing written, when an earlier placement holds it. The same statement
     * takes the bet's markets' liability lock ({@link RiskBook#LOCK_MARKETS}), held until the transaction ends.
     */
    public boolean insert(NewBet bet, List<BetView.Leg> legs, List<Line> lines, BetView.Transition first) {
        return jdbc.sql(INSERT).params(insertParams(bet, legs, lines, first)).update() == 1;
    }

    /** {@link #insert} as a part of a round trip: its answer is 1 when the bet was written, 0 when the key was held. */
    public RoundTrip.Answer<Integer> insert(RoundTrip trip, NewBet bet, List<BetView.Leg> legs, List<Line> lines,
            BetView.Transition first) {
        return trip.update(INSERT, insertParams(bet, legs, lines, first));
    }

    private static final String INSERT = """
                WITH locked AS (
                """ + RiskBook.LOCK_MARKETS + """
                ), bet AS (
                  INSERT INTO bet (id, player_id, brand, currency, bet_type, unit_stake, line_count, total_stake, potential_return,
                    odds_policy, in_play, status, idempotency_key, request_hash, placed_at, accept_after, decided_at,
                    stake_transaction_id, stake_hold_id)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (player_id, idempotency_key) DO NOTHING
                  RETURNING id
                ), legs AS (
                  INSERT INTO bet_leg (bet_id, position, selection_id, selection_key, selection_name, market_id, market_type,
                    market_line, market_version, event_id, event_name, sport_key, requested_price, price)
                  SELECT bet.id, l.pos::int, l.selection_id::uuid, l.selection_key, l.selection_name, l.market_id::uuid,
                    l.market_type, l.market_line::numeric, l.market_version::bigint, l.event_id::uuid, l.event_name, l.sport_key,
                    l.requested_price::numeric, l.price::numeric
                  FROM bet, unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[]) AS l(pos, selection_id, selection_key, selection_name,
                    market_id, market_type, market_line, market_version, event_id, event_name, sport_key, requested_price, price)
                ), lines AS (
                  INSERT INTO bet_line (bet_id, line_no, positions, odds, stake)
                  SELECT bet.id, n.line_no::int, n.positions::int[], n.odds::numeric, n.stake::bigint
                  FROM bet, unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS n(line_no, positions, odds, stake)
                )
                INSERT INTO bet_transition (bet_id, from_status, to_status, cause, at)
                SELECT bet.id, ?, ?, ?, ? FROM bet, locked""";

    private static List<Object> insertParams(NewBet bet, List<BetView.Leg> legs, List<Line> lines, BetView.Transition first) {
        return java.util.Arrays.asList(column(legs, leg -> leg.marketId().toString()), bet.id(), bet.playerId(), bet.brand(), bet.currency(), bet.type(), bet.unitStake(), bet.lines(),
                bet.totalStake(), bet.potentialReturn(), bet.oddsPolicy(), bet.inPlay(), bet.status(),
                bet.idempotencyKey(), bet.requestHash(), Timestamp.from(bet.placedAt()),
                bet.acceptAfter() == null ? null : Timestamp.from(bet.acceptAfter()),
                bet.acceptAfter() == null ? Timestamp.from(bet.placedAt()) : null, bet.stakeTransactionId(),
                bet.stakeHoldId(),
                column(legs, leg -> String.valueOf(leg.position())), column(legs, leg -> leg.selectionId().toString()),
                column(legs, BetView.Leg::selectionKey), column(legs, BetView.Leg::selection),
                column(legs, leg -> leg.marketId().toString()), column(legs, BetView.Leg::marketType),
                column(legs, leg -> leg.line() == null ? null : leg.line().toPlainString()),
                column(legs, leg -> String.valueOf(leg.marketVersion())), column(legs, leg -> leg.eventId().toString()),
                column(legs, BetView.Leg::event), column(legs, BetView.Leg::sport),
                column(legs, leg -> leg.requestedPrice() == null ? null : leg.requestedPrice().toPlainString()),
                column(legs, leg -> leg.price().toPlainString()),
                column(lines, line -> String.valueOf(line.lineNo())),
                column(lines, line -> "{" + String.join(",", line.positions().stream().map(String::valueOf).toList()) + "}"),
                column(lines, line -> line.odds().toPlainString()), column(lines, line -> String.valueOf(line.stake())),
                first.from(), first.to(), first.cause(), Timestamp.from(first.at()));
    }

    private static <T> String[] column(List<T> rows, java.util.function.Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    public void transition(UUID bet, String from, String to, String cause, Instant at) {
        jdbc.sql("INSERT INTO bet_transition (bet_id, from_status, to_status, cause, at) VALUES (?, ?, ?, ?, ?)")
                .params(bet, from, to, cause, Timestamp.from(at)).update();
    }

    public void stakeTaken(UUID bet, UUID transaction, UUID hold) {
        jdbc.sql("UPDATE bet SET stake_transaction_id = coalesce(?, stake_transaction_id), stake_hold_id = coalesce(?, stake_hold_id) WHERE id = ?")
                .params(transaction, hold, bet).update();
    }

    public void decide(UUID bet, String status, String reason, long potentialReturn, Instant at) {
        jdbc.sql("UPDATE bet SET status = ?, reason = ?, potential_return = ?, decided_at = ? WHERE id = ?")
                .params(status, reason, potentialReturn, Timestamp.from(at), bet).update();
    }

    public void reprice(UUID bet, int position, BigDecimal price, long marketVersion) {
        jdbc.sql("UPDATE bet_leg SET price = ?, market_version = ? WHERE bet_id = ? AND position = ?")
                .params(price, marketVersion, bet, position).update();
    }

    public List<Line> lines(UUID bet) {
        return jdbc.sql("SELECT line_no, positions, odds, stake FROM bet_line WHERE bet_id = ? ORDER BY line_no").param(bet)
                .query((rs, row) -> new Line(rs.getInt(1), positions(rs.getArray(2)), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    public void updateLineOdds(UUID bet, int lineNo, BigDecimal odds) {
        jdbc.sql("UPDATE bet_line SET odds = ? WHERE bet_id = ? AND line_no = ?").params(odds, bet, lineNo).update();
    }

    /** Pending bets whose delay has run out, locked for this worker (others skip them). */
    public List<UUID> duePending(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM bet WHERE status = 'pending' AND accept_after <= ? ORDER BY accept_after LIMIT ?
                FOR UPDATE SKIP LOCKED""").params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    public Optional<BetView> find(UUID bet) {
        Optional<BetView> head = jdbc.sql(HEAD + " WHERE id = ?").param(bet).query((rs, row) -> head(rs)).optional();
        return head.map(this::complete);
    }

    /** The player's bets, newest first, after the cursor position; {@code settled} null for all. */
    public List<BetView> forPlayer(UUID player, Boolean settled, Instant beforePlacedAt, UUID beforeId, int limit) {
        StringBuilder where = new StringBuilder(" WHERE player_id = ?");
        List<Object> params = new ArrayList<>(List.of(player));
        if (settled != null) {
            where.append(settled ? " AND status IN ('won', 'lost', 'void', 'half_won', 'half_lost', 'cashed_out', 'resettled', 'rejected')"
                    : " AND status IN ('pending', 'accepted', 'open', 'partially_cashed_out')");
        }
        if (beforePlacedAt != null) {
            where.append(" AND (placed_at, id) < (?, ?)");
            params.add(Timestamp.from(beforePlacedAt));
            params.add(beforeId);
        }
        params.add(limit);
        return jdbc.sql(HEAD + where + " ORDER BY placed_at DESC, id DESC LIMIT ?").params(params)
                .query((rs, row) -> head(rs)).list().stream().map(this::complete).toList();
    }

    private static final String HEAD = """
            SELECT id, player_id, bet_type, currency, unit_stake, line_count, total_stake, potential_return, odds_policy,
              in_play, status, reason, placed_at, accept_after, decided_at, settled_return FROM bet""";

    private static BetView head(ResultSet rs) throws SQLException {
        return new BetView(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class), rs.getString("bet_type"),
                rs.getString("currency"), rs.getLong("unit_stake"), rs.getInt("line_count"), rs.getLong("total_stake"),
                rs.getLong("potential_return"), rs.getString("odds_policy"), rs.getBoolean("in_play"), rs.getString("status"),
                rs.getString("reason"), rs.getTimestamp("placed_at").toInstant(), instant(rs, "accept_after"),
                instant(rs, "decided_at"), (Long) rs.getObject("settled_return"), List.of(), List.of());
    }

    private BetView complete(BetView head) {
        List<BetView.Leg> legs = jdbc.sql("""
                SELECT position, selection_id, selection_key, selection_name, market_id, market_type, market_line, market_version,
                  event_id, event_name, sport_key, requested_price, price, outcome, void_reason FROM bet_leg WHERE bet_id = ? ORDER BY position""")
                .param(head.id())
                .query((rs, row) -> new BetView.Leg(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getBigDecimal(7), rs.getLong(8), rs.getObject(9, UUID.class),
                        rs.getString(10), rs.getString(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getString(14),
                        rs.getString(15)))
                .list();
        List<BetView.Transition> transitions = jdbc.sql("SELECT from_status, to_status, cause, at FROM bet_transition WHERE bet_id = ? ORDER BY id")
                .param(head.id())
                .query((rs, row) -> new BetView.Transition(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return new BetView(head.id(), head.playerId(), head.type(), head.currency(), head.unitStake(), head.lines(),
                head.totalStake(), head.potentialReturn(), head.oddsPolicy(), head.inPlay(), head.status(), head.reason(),
                head.placedAt(), head.acceptAfter(), head.decidedAt(), head.settledReturn(), legs, transitions);
    }

    /** The bet locked against every other change (cash-out, another settlement) until the transaction ends. */
    public Optional<BetView> lock(UUID bet) {
        return jdbc.sql("SELECT id FROM bet WHERE id = ? FOR UPDATE").param(bet).query(UUID.class).optional()
                .flatMap(this::find);
    }

    /** The brand the bet was placed on (its ledger accounts are the brand's). */
    public String brandOf(UUID bet) {
        return jdbc.sql("SELECT brand FROM bet WHERE id = ?").param(bet).query(String.class).single();
    }

    /** The bets with a leg on the event after {@code afterBet} in bet order, at most {@code limit}: a keyset page. */
    public List<UUID> onEvent(UUID event, UUID afterBet, int limit) {
        return jdbc.sql("""
                SELECT DISTINCT bet_id FROM bet_leg WHERE event_id = ? AND bet_id > ? ORDER BY bet_id LIMIT ?""")
                .params(event, afterBet == null ? new UUID(0L, 0L) : afterBet, limit)
                .query(UUID.class).list();
    }

    /**
     * Records a settlement on the bet: its status, what it returned, the settlement version, and how each leg
     * resolved (outcome per position, with the void reason where a rule voided it).
     */
    public void settled(UUID bet, String status, long settledReturn, int version, List<String> outcomes,
            List<String> voidReasons) {
        jdbc.sql("UPDATE bet SET status = ?, settled_return = ?, settlement_version = ?, auto_cash_out_target = NULL WHERE id = ?")
                .params(status, settledReturn, version, bet).update();
        for (int position = 0; position < outcomes.size(); position++) {
            jdbc.sql("UPDATE bet_leg SET outcome = ?, void_reason = ? WHERE bet_id = ? AND position = ?")
                    .params(outcomes.get(position), voidReasons.get(position), bet, position).update();
        }
    }

    /**
     * What the book stands to pay on the bets with a leg on the event (or on the market, with {@code market}):
     * the potential return of running bets plus what settled bets returned (a correction may move it).
     */
    public long liabilityOn(UUID event, UUID market) {
        return jdbc.sql("""
                SELECT coalesce(sum(CASE WHEN status IN ('accepted', 'open', 'partially_cashed_out') THEN potential_return
                  ELSE coalesce(settled_return, 0) END), 0)
                FROM bet WHERE status NOT IN ('pending', 'rejected', 'cashed_out')
                AND id IN (SELECT bet_id FROM bet_leg WHERE event_id = ? AND (CAST(? AS uuid) IS NULL OR market_id = ?))""")
                .params(event, market, market).query(Long.class).single();
    }

    /** What the player staked on bets placed since {@code since} (rejected bets excluded), in the currency. */
    public long stakedSince(UUID player, String currency, Instant since) {
        return jdbc.sql("""
                SELECT coalesce(sum(total_stake), 0) FROM bet WHERE player_id = ? AND currency = ? AND placed_at >= ?
                AND status <> 'rejected'""")
                .params(player, currency, Timestamp.from(since)).query(Long.class).single();
    }

    /**
     * A bet as reports list it: who placed it on which brand and when, its stake and potential return, its status
     * now, what it returned once settled, and each leg's outcome and void reason (null until settled), in leg order.
     */
    public record Wager(UUID id, UUID playerId, String brand, Instant placedAt, long totalStake, String currency,
            long potentialReturn, String status, Long settledReturn, List<String> legOutcomes, List<String> legVoidReasons) {
    }

    /** Bets placed in {@code [from, to)}, rejected ones left out, oldest first, at most {@code limit}. */
    public List<Wager> placedBetween(Instant from, Instant to, int limit) {
        return jdbc.sql(WAGER + " WHERE b.placed_at >= ? AND b.placed_at < ? AND b.status <> 'rejected'"
                        + " ORDER BY b.placed_at, b.id LIMIT ?")
                .params(Timestamp.from(from), Timestamp.from(to), limit).query((rs, row) -> wager(rs)).list();
    }

    /** These bets as reports list them (unknown ids are left out). */
    public List<Wager> wagers(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(WAGER + " WHERE b.id = ANY(CAST(? AS uuid[])) ORDER BY b.placed_at, b.id")
                .param(uuidArray(ids)).query((rs, row) -> wager(rs)).list();
    }

    private static final String WAGER = """
            SELECT b.id, b.player_id, b.brand, b.placed_at, b.total_stake, b.currency, b.potential_return, b.status,
              b.settled_return,
              ARRAY(SELECT l.outcome FROM bet_leg l WHERE l.bet_id = b.id ORDER BY l.position) AS outcomes,
              ARRAY(SELECT l.void_reason FROM bet_leg l WHERE l.bet_id = b.id ORDER BY l.position) AS void_reasons
            FROM bet b""";

    private static Wager wager(ResultSet rs) throws SQLException {
        return new Wager(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class), rs.getString("brand"),
                rs.getTimestamp("placed_at").toInstant(), rs.getLong("total_stake"), rs.getString("currency"),
                rs.getLong("potential_return"), rs.getString("status"), (Long) rs.getObject("settled_return"),
                strings(rs.getArray("outcomes")), strings(rs.getArray("void_reasons")));
    }

    /** A bet running at a moment, with the event and market of each leg: what the book stood to pay on it. */
    public record OpenBet(UUID id, UUID playerId, String brand, String currency, long totalStake, long potentialReturn,
            List<OpenLeg> legs) {
    }

    public record OpenLeg(UUID eventId, String event, UUID marketId, String marketType, BigDecimal line) {
    }

    /**
     * The bets running at {@code at}: accepted before it and not settled, voided, cashed out or rejected by then (by
     * their status transitions), with what they stand to pay now (a partial cash-out after {@code at} lowered it).
     */
    public List<OpenBet> openAt(Instant at) {
        List<OpenBet> heads = jdbc.sql("""
                SELECT b.id, b.player_id, b.brand, b.currency, b.total_stake, b.potential_return FROM bet b
                WHERE b.placed_at < ? AND b.status NOT IN ('pending', 'rejected')
                AND EXISTS (SELECT 1 FROM bet_transition t WHERE t.bet_id = b.id AND t.to_status = 'accepted' AND t.at < ?)
                AND NOT EXISTS (SELECT 1 FROM bet_transition t WHERE t.bet_id = b.id AND t.at < ?
                  AND t.to_status IN ('won', 'lost', 'void', 'half_won', 'half_lost', 'resettled', 'cashed_out', 'rejected'))
                ORDER BY b.id""")
                .params(Timestamp.from(at), Timestamp.from(at), Timestamp.from(at))
                .query((rs, row) -> new OpenBet(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), List.of()))
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        java.util.Map<UUID, List<OpenLeg>> legs = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT bet_id, event_id, event_name, market_id, market_type, market_line FROM bet_leg
                WHERE bet_id = ANY(CAST(? AS uuid[])) ORDER BY bet_id, position""")
                .param(uuidArray(heads.stream().map(OpenBet::id).toList()))
                .query(rs -> {
                    legs.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(new OpenLeg(
                            rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                            rs.getBigDecimal(6)));
                });
        return heads.stream().map(bet -> new OpenBet(bet.id(), bet.playerId(), bet.brand(), bet.currency(), bet.totalStake(),
                bet.potentialReturn(), List.copyOf(legs.getOrDefault(bet.id(), List.of())))).toList();
    }

    /** Ids as a PostgreSQL array literal, for {@code = ANY(CAST(? AS uuid[]))}. */
    private static String uuidArray(java.util.Collection<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList((String[]) array.getArray()));
    }

    public Optional<UUID> holdOf(UUID bet) {
        return jdbc.sql("SELECT stake_hold_id FROM bet WHERE id = ?").param(bet).query(UUID.class).optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static List<Integer> positions(Array array) throws SQLException {
        Integer[] values = (Integer[]) array.getArray();
        return List.of(values);
    }
}
