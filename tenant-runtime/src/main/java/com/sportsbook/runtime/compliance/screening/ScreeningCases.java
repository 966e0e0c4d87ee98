package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.compliance.screening.core.BirthDate;
import com.sportsbook.runtime.compliance.screening.core.Hit;
import com.sportsbook.runtime.identity.PlayerView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Screening cases of the bound tenant: one per player and listed entry that matched. A {@code sanctions} case is
 * open until an officer clears or confirms it, and holds the account blocked while open or confirmed. A {@code pep}
 * case (a politically exposed person) holds nothing: while open, enhanced due diligence is pending (deposits above the
 * tenant's review amount are refused); an officer clears it as a namesake, or records the due diligence as
 * {@code approved} (with the source of funds) or {@code rejected} (which then holds the account blocked). Plain SQL
 * on the caller's transaction (the tenant's schema).
 */
class ScreeningCases {

    static final String OPEN = "open";
    static final String CLEARED = "cleared";
    static final String CONFIRMED = "confirmed";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";

    static final String SANCTIONS = "sanctions";
    static final String PEP = "pep";

    /**
     * A case as an officer sees it: its kind ({@code sanctions} or {@code pep}), who was screened, what matched and
     * how well, and the decision (for a PEP's due diligence, the source of funds the officer established).
     */
    record ScreeningCase(UUID id, UUID playerId, String kind, String status, String trigger, String listSource,
            String listVersion, String entryRef, String entryName, String matchedName, String entryBirthDates,
            String entryPrograms, String screenedName, LocalDate screenedBirthDate, BigDecimal nameScore, String dobMatch,
            BigDecimal score, Instant openedAt, String decidedBy, Instant decidedAt, String reason, String sourceOfFunds) {
    }

    private final JdbcClient jdbc;

    ScreeningCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens a case for the hit unless one exists for this player and entry (whatever its state: a cleared namesake is
     * not raised again by the next list). Answers whether a case was opened now.
     */
    boolean open(PlayerView player, Hit hit, String listVersion, String trigger, Instant now) {
        return jdbc.sql("""
                        INSERT INTO screening_case (id, player_id, kind, list_source, list_version, entry_ref, entry_name,
                            matched_name, entry_birth_dates, entry_programs, screened_name, screened_birth_date, name_score,
                            dob_match, score, trigger, status, opened_at)
                        VALUES (:id, :player, :kind, :source, :version, :ref, :entryName, :matchedName, :birthDates,
                            :programs, :screenedName, :born, :nameScore, :dob, :score, :trigger, 'open', :now)
                        ON CONFLICT (player_id, list_source, entry_ref) DO NOTHING
                        """)
                .param("id", UUID.randomUUID())
                .param("player", player.id())
                .param("kind", kindOf(hit))
                .param("source", hit.entry().source().wireName())
                .param("version", clip(listVersion, 200))
                .param("ref", clip(hit.entry().ref(), 64))
                .param("entryName", clip(hit.entry().primaryName(), 500))
                .param("matchedName", clip(hit.matchedName(), 500))
                .param("birthDates", clip(hit.entry().birthDates().stream().map(BirthDate::toString)
                        .collect(Collectors.joining(", ")), 500))
                .param("programs", clip(hit.entry().programs(), 500))
                .param("screenedName", clip(screenedName(player), 300))
                .param("born", player.dateOfBirth() == null ? null : Date.valueOf(player.dateOfBirth()))
                .param("nameScore", score(hit.nameScore()))
                .param("dob", hit.dob().wireName())
                .param("score", score(hit.score()))
                .param("trigger", trigger)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    static String kindOf(Hit hit) {
        return hit.entry().source().sanctions() ? SANCTIONS : PEP;
    }

    static String screenedName(PlayerView player) {
        return (player.firstName() + " " + player.lastName()).strip();
    }

    /** What {@link #row} reads, named (a prepared statement's columns must not depend on the tenant's table). */
    private static final String COLUMNS = "id, player_id, kind, status, trigger, list_source, list_version, entry_ref, entry_name,"
            + " matched_name, entry_birth_dates, entry_programs, screened_name, screened_birth_date, name_score, dob_match, score,"
            + " opened_at, decided_by, decided_at, reason, source_of_funds";

    /** @param kind {@code sanctions}, {@code pep}, or null for both */
    List<ScreeningCase> list(String status, String kind, int limit) {
        return jdbc.sql("""
                        SELECT %s FROM screening_case WHERE status = :status AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)
                        ORDER BY opened_at, id LIMIT :limit""".formatted(COLUMNS))
                .param("status", status)
                .param("kind", kind)
                .param("limit", limit)
                .query(ScreeningCases::row)
                .list();
    }

    Optional<ScreeningCase> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screening_case WHERE id = :id").param("id", id).query(ScreeningCases::row).optional();
    }

    List<ScreeningCase> ofPlayer(UUID playerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screening_case WHERE player_id = :player ORDER BY opened_at, id")
                .param("player", playerId).query(ScreeningCases::row).list();
    }

    /**
     * Decides an open case; empty when it is not open (any more). Locks the row, so two officers cannot both.
     *
     * @param sourceOfFunds what the officer established about the money of a PEP approved (null otherwise)
     */
    Optional<ScreeningCase> decide(UUID id, String status, String officer, String reason, String sourceOfFunds, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE screening_case SET status = :status, decided_by = :officer, decided_at = :now, reason = :reason,
                            source_of_funds = :sourceOfFunds
                        WHERE id = :id AND status = 'open'
                        """)
                .param("status", status)
                .param("officer", clip(officer, 200))
                .param("now", Timestamp.from(now))
                .param("reason", reason)
                .param("sourceOfFunds", sourceOfFunds)
                .param("id", id)
                .update();
        return updated == 1 ? find(id) : Optional.empty();
    }

    /** Whether a case holds the player's account blocked: a sanctions hit open or confirmed, or a PEP rejected. */
    boolean holds(UUID playerId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM screening_case WHERE player_id = :player
                            AND ((kind = 'sanctions' AND status IN ('open', 'confirmed')) OR (kind = 'pep' AND status = 'rejected')))""")
                .param("player", playerId).query(Boolean.class).single();
    }

    /** When the player's oldest PEP case still waiting for due diligence was opened; empty when none waits. */
    Optional<Instant> dueDiligencePendingSince(UUID playerId) {
        return jdbc.sql("""
                        SELECT opened_at FROM screening_case WHERE player_id = :player AND kind = 'pep' AND status = 'open'
                        ORDER BY opened_at LIMIT 1""")
                .param("player", playerId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private static BigDecimal score(double value) {
        return BigDecimal.valueOf(Math.min(9.9999, Math.max(0.0, value))).setScale(4, RoundingMode.HALF_UP);
    }

    private static String clip(String value, int length) {
        String text = value == null ? "" : value;
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static ScreeningCase row(ResultSet rs, int row) throws SQLException {
        Date born = rs.getDate("screened_birth_date");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ScreeningCase(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class), rs.getString("kind"),
                rs.getString("status"), rs.getString("trigger"), rs.getString("list_source"), rs.getString("list_version"), rs.getString("entry_ref"),
                rs.getString("entry_name"), rs.getString("matched_name"), rs.getString("entry_birth_dates"),
                rs.getString("entry_programs"), rs.getString("screened_name"), born == null ? null : born.toLocalDate(),
                rs.getBigDecimal("name_score"), rs.getString("dob_match"), rs.getBigDecimal("score"),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("reason"), rs.getString("source_of_funds"));
    }
}
