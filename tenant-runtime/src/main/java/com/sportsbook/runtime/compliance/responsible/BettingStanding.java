package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.runtime.compliance.responsible.core.LimitChanges;
import com.sportsbook.runtime.compliance.responsible.core.LimitKind;
import com.sportsbook.runtime.compliance.responsible.core.LimitPeriod;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.commons.sql.RoundTrip;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the betting gate reads of a player on every bet, in one statement: the person's exclusions in force (as
 * {@link Exclusions#inForce} finds them) and the player's limits (as {@link Limits#of} reads them). Two reads on the
 * busiest path of the platform cost a round trip each; their rows differ, so each half fills its own columns.
 * Runs in the caller's transaction.
 */
final class BettingStanding {

    /** The exclusions in force, the deciding one first, and every limit with its due pending changes applied. */
    record Standing(List<Exclusions.Exclusion> exclusions, Map<LimitKind, Map<LimitPeriod, LimitChanges.Limit>> limits) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    BettingStanding(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Standing of(PlayerView player) {
        Instant now = clock.instant();
        return jdbc.sql(SQL).params(params(player, now)).query((ResultSetExtractor<Standing>) rows -> read(rows, now));
    }

    /** {@link #of} as a part of a round trip. */
    RoundTrip.Answer<Standing> of(PlayerView player, RoundTrip trip) {
        Instant now = clock.instant();
        return trip.query(SQL, params(player, now), rows -> read(rows, now));
    }

    private static final String SQL = """
            SELECT 'exclusion' AS part, id, player_id, brand, kind, register, starts_at, ends_at, actor, created_at,
              NULL AS period, NULL AS amount, NULL AS pending_amount, NULL AS pending_removal, NULL AS pending_from
            FROM rg_exclusion WHERE """ + Exclusions.PERSON_IN_FORCE + """

            UNION ALL
            SELECT 'limit', NULL, NULL, NULL, kind, NULL, NULL, NULL, NULL, NULL,
              period, amount, pending_amount, pending_removal, pending_from
            FROM rg_limit WHERE player_id = ?""";

    private static List<Object> params(PlayerView player, Instant now) {
        List<Object> params = new ArrayList<>(Exclusions.personInForce(player.id(), player.email(), player.firstName(),
                player.lastName(), player.dateOfBirth(), now));
        params.add(player.id());
        return params;
    }

    private static Standing read(ResultSet rows, Instant now) throws SQLException {
        List<Exclusions.Exclusion> exclusions = new ArrayList<>();
        Map<LimitKind, Map<LimitPeriod, LimitChanges.Limit>> limits = new EnumMap<>(LimitKind.class);
        while (rows.next()) {
            if ("exclusion".equals(rows.getString("part"))) {
                exclusions.add(Exclusions.exclusion(rows));
            } else {
                Limits.put(rows, now, limits);
            }
        }
        return new Standing(Exclusions.decidingFirst(exclusions), limits);
    }
}
