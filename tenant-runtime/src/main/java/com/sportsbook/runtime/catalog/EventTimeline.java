package com.sportsbook.runtime.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an event's play started and what happened in it, for past-post detection: settlement voids a bet accepted
 * after its event went live, or accepted in play after an incident (a goal, a red card, a break of serve...) that
 * the feed reported only later, with its true time. Read from the bound tenant's catalog in the caller's transaction
 * (whose connection is on the tenant's schema).
 */
@Component
public final class EventTimeline {

    /**
     * An event's times and in-play incidents.
     *
     * @param startsAt    the scheduled start the feed last gave
     * @param kickedOffAt when the catalog first took the event in as live (a scheduled event going live, or an event
     *                    first announced already in play), so at or after the actual kick-off; null while it has not
     *                    gone live, and for events that went live before the catalog recorded kick-offs
     * @param status      the event's status as it stands ({@code scheduled}, {@code live}, {@code resulted}...)
     * @param incidents   every incident the feed reported, by the time it occurred
     */
    public record Timeline(UUID eventId, Instant startsAt, Instant kickedOffAt, String status, List<Incident> incidents) {
        public Timeline {
            incidents = List.copyOf(incidents);
        }
    }

    /**
     * An incident as the feed reported it.
     *
     * @param kind       {@code goal}, {@code red_card}, {@code penalty}, {@code break} or {@code run}
     * @param occurredAt when it happened, as the feed says
     * @param reportedAt when the catalog took the report in: a bet accepted in play between the two was past-posted
     */
    public record Incident(String kind, Instant occurredAt, Instant reportedAt) {
    }

    private final JdbcClient jdbc;

    public EventTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event's timeline, or empty if the catalog has no such event. */
    public Optional<Timeline> of(UUID eventId) {
        return jdbc.sql("SELECT id, starts_at, kicked_off_at, status FROM sport_event WHERE id = ?").param(eventId)
                .query((rs, row) -> new Timeline(rs.getObject("id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
                        instant(rs.getTimestamp("kicked_off_at")), rs.getString("status"), List.of()))
                .optional()
                .map(event -> new Timeline(event.eventId(), event.startsAt(), event.kickedOffAt(), event.status(),
                        incidents(eventId)));
    }

    private List<Incident> incidents(UUID eventId) {
        return jdbc.sql("""
                SELECT kind, occurred_at, reported_at FROM event_incident WHERE event_id = ? ORDER BY occurred_at, id""")
                .param(eventId)
                .query((rs, row) -> new Incident(rs.getString("kind"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("reported_at").toInstant()))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
