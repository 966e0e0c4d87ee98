package com.sportsbook.runtime.identity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each sign-in session of a player (Keycloak's session id from the token), when it started and when it was last
 * used. Touched on every call, written at most every 30 seconds per session. Native SQL through the JPA session,
 * so it runs on the tenant's connection inside the caller's transaction.
 */
@Component
class PlayerSessions {

    record Session(Instant startedAt, Instant lastActivityAt) {
    }

    @PersistenceContext
    private EntityManager entityManager;

    /** Records a call of the session; answers whether it is the session's first (a sign-in). */
    boolean touch(UUID playerId, String sessionRef, Instant now) {
        List<?> inserted = entityManager.createNativeQuery("""
                        INSERT INTO player_session (id, player_id, session_ref, started_at, last_activity_at)
                        VALUES (?1, ?2, ?3, ?4, ?4)
                        ON CONFLICT (session_ref) DO UPDATE SET last_activity_at = EXCLUDED.last_activity_at
                        WHERE player_session.last_activity_at < EXCLUDED.last_activity_at - interval '30 seconds'
                        RETURNING (xmax = 0)
                        """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, playerId)
                .setParameter(3, sessionRef)
                .setParameter(4, Timestamp.from(now))
                .getResultList();
        return !inserted.isEmpty() && Boolean.TRUE.equals(inserted.getFirst());
    }

    /** Signs every open session of the player out (an exclusion logs them out at once). */
    void endAll(UUID playerId, Instant now) {
        entityManager.createNativeQuery("""
                        UPDATE player_session SET ended_at = ?2, last_activity_at = GREATEST(last_activity_at, ?2)
                        WHERE player_id = ?1 AND ended_at IS NULL
                        """)
                .setParameter(1, playerId)
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
    }

    /** The player's sessions active at or after {@code since}, oldest first. */
    List<SessionSpan> since(UUID playerId, Instant since) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT session_ref, started_at, last_activity_at, ended_at FROM player_session
                        WHERE player_id = ?1 AND last_activity_at >= ?2
                        ORDER BY started_at
                        """)
                .setParameter(1, playerId)
                .setParameter(2, Timestamp.from(since))
                .getResultList();
        return rows.stream().map(row -> span((Object[]) row)).toList();
    }

    Optional<SessionSpan> span(String sessionRef) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT session_ref, started_at, last_activity_at, ended_at FROM player_session WHERE session_ref = ?1")
                .setParameter(1, sessionRef)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(span((Object[]) rows.getFirst()));
    }

    private static SessionSpan span(Object[] row) {
        return new SessionSpan((String) row[0], instant(row[1]), instant(row[2]), row[3] == null ? null : instant(row[3]));
    }

    /** Signs the session out: recorded even if the session never made a call before. */
    void end(UUID playerId, String sessionRef, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO player_session (id, player_id, session_ref, started_at, last_activity_at, ended_at)
                        VALUES (?1, ?2, ?3, ?4, ?4, ?4)
                        ON CONFLICT (session_ref) DO UPDATE SET ended_at = COALESCE(player_session.ended_at, EXCLUDED.ended_at),
                            last_activity_at = EXCLUDED.last_activity_at
                        """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, playerId)
                .setParameter(3, sessionRef)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
    }

    boolean ended(String sessionRef) {
        return !entityManager.createNativeQuery(
                        "SELECT 1 FROM player_session WHERE session_ref = ?1 AND ended_at IS NOT NULL")
                .setParameter(1, sessionRef)
                .getResultList().isEmpty();
    }

    Optional<Session> current(String sessionRef) {
        return first(entityManager.createNativeQuery(
                        "SELECT started_at, last_activity_at FROM player_session WHERE session_ref = ?1")
                .setParameter(1, sessionRef)
                .getResultList());
    }

    /** The latest session before the given one: what the player is shown at sign-in. */
    Optional<Session> previous(UUID playerId, String sessionRef) {
        return first(entityManager.createNativeQuery("""
                        SELECT started_at, last_activity_at FROM player_session
                        WHERE player_id = ?1 AND session_ref <> ?2
                        ORDER BY started_at DESC LIMIT 1
                        """)
                .setParameter(1, playerId)
                .setParameter(2, sessionRef)
                .getResultList());
    }

    private static Optional<Session> first(List<?> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.getFirst();
        return Optional.of(new Session(instant(row[0]), instant(row[1])));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
