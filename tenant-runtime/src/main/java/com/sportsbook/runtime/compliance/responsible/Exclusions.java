package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.runtime.identity.PlayerRestrictions;
import com.sportsbook.runtime.identity.PlayerStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time-outs, self-exclusions and national-register hits on the bound tenant's schema, each kept with the person's
 * email, names and date of birth so that it reaches every account of the same person on the operator's brands and
 * refuses a new registration. Nothing here ever ends an exclusion early: rows are only added (a national-register
 * hit is closed when the register no longer lists the person). Runs in the caller's transaction.
 */
final class Exclusions {

    enum Kind {
        TIME_OUT, SELF_EXCLUSION, NATIONAL_REGISTER;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }

        PlayerStatus status() {
            return this == TIME_OUT ? PlayerStatus.TIMED_OUT : PlayerStatus.SELF_EXCLUDED;
        }

        /** Which of two exclusions in force decides: a self-exclusion over a time-out. */
        int weight() {
            return this == TIME_OUT ? 0 : 1;
        }
    }

    /** Who an exclusion is for: the keys a person is recognised by on every brand. */
    record Person(UUID playerId, String brand, String email, String firstName, String lastName, LocalDate dateOfBirth) {
    }

    /** An exclusion as recorded; {@code endsAt} null: indefinite. */
    record Exclusion(UUID id, UUID playerId, String brand, Kind kind, String register, Instant startsAt, Instant endsAt,
            String actor, Instant createdAt) {

        PlayerRestrictions.Exclusion asRestriction() {
            String detail = switch (kind) {
                case TIME_OUT -> "You took a time-out until " + endsAt + ".";
                case SELF_EXCLUSION -> endsAt == null ? "You excluded yourself indefinitely."
                        : "You excluded yourself until " + endsAt + ".";
                case NATIONAL_REGISTER -> "You are on the national self-exclusion register " + register + ".";
            };
            return new PlayerRestrictions.Exclusion(kind.status(), endsAt, detail);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Exclusions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Exclusion record(Person person, Kind kind, String register, Instant endsAt, String actor) {
        Instant now = clock.instant();
        Exclusion exclusion = new Exclusion(UUID.randomUUID(), person.playerId(), person.brand(), kind, register, now, endsAt,
                actor, now);
        jdbc.sql("""
                INSERT INTO rg_exclusion (id, player_id, brand, kind, register, email, first_name, last_name, date_of_birth,
                    starts_at, ends_at, actor, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(exclusion.id(), person.playerId(), person.brand(), kind.wire(), register,
                        person.email().toLowerCase(Locale.ROOT), person.firstName().strip(), person.lastName().strip(),
                        person.dateOfBirth(), Timestamp.from(now), endsAt == null ? null : Timestamp.from(endsAt), actor,
                        Timestamp.from(now))
                .update();
        return exclusion;
    }

    /**
     * Where the exclusions in force for a person are: their account, or the same email, or the same names and date of
     * birth, started and not ended. Its parameters are {@link #personInForce}'s.
     */
    static final String PERSON_IN_FORCE = """
            (player_id = ? OR lower(email) = lower(?)
                   OR (lower(first_name) = lower(?) AND lower(last_name) = lower(?) AND date_of_birth = ?))
              AND starts_at <= ? AND (ends_at IS NULL OR ends_at > ?)""";

    static List<Object> personInForce(UUID playerId, String email, String firstName, String lastName, LocalDate dateOfBirth,
            Instant now) {
        return Arrays.asList(playerId, email, firstName.strip(), lastName.strip(), dateOfBirth, Timestamp.from(now),
                Timestamp.from(now));
    }

    /**
     * The exclusions in force now for the person (any account of theirs, or the same email, or the same names and
     * date of birth), the deciding one first: a self-exclusion before a time-out, then the one that ends last.
     */
    List<Exclusion> inForce(UUID playerId, String email, String firstName, String lastName, LocalDate dateOfBirth) {
        return decidingFirst(jdbc.sql("""
                SELECT id, player_id, brand, kind, register, starts_at, ends_at, actor, created_at FROM rg_exclusion
                WHERE """ + PERSON_IN_FORCE)
                .params(personInForce(playerId, email, firstName, lastName, dateOfBirth, clock.instant()))
                .query((rs, row) -> exclusion(rs))
                .list());
    }

    /** An {@code rg_exclusion} row (id, player_id, brand, kind, register, starts_at, ends_at, actor, created_at). */
    static Exclusion exclusion(ResultSet rs) throws SQLException {
        return new Exclusion(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class),
                rs.getString("brand"), Kind.fromWire(rs.getString("kind")), rs.getString("register"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at") == null ? null : rs.getTimestamp("ends_at").toInstant(),
                rs.getString("actor"), rs.getTimestamp("created_at").toInstant());
    }

    /** The deciding exclusion first: a self-exclusion before a time-out, then the one that ends last. */
    static List<Exclusion> decidingFirst(List<Exclusion> inForce) {
        return inForce.stream()
                .sorted(Comparator.comparingInt((Exclusion e) -> e.kind().weight()).reversed()
                        .thenComparing(e -> e.endsAt() == null ? Instant.MAX : e.endsAt(), Comparator.reverseOrder()))
                .toList();
    }

    /** Closes a national-register hit the register no longer confirms. */
    void closeRegisterHit(UUID exclusionId) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE rg_exclusion SET ends_at = ? WHERE id = ? AND kind = 'national_register' AND ends_at IS NULL")
                .params(Timestamp.from(now), exclusionId).update();
    }
}
