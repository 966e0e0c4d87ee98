package com.sportsbook.runtime.settlement.run;

import com.sportsbook.runtime.catalog.EventResults;
import com.sportsbook.runtime.catalog.EventTimeline;
import com.sportsbook.runtime.settlement.core.Grading;
import com.sportsbook.runtime.settlement.core.LegVerdicts;
import com.sportsbook.runtime.settlement.core.LegVerdicts.EventFacts;
import com.sportsbook.runtime.settlement.core.LegVerdicts.EventState;
import com.sportsbook.runtime.settlement.results.ResultBook;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What settlement knows of events and markets, gathered once per batch: the catalog's status and timeline (kick-off,
 * incidents with their true and reported times), the confirmed result, a market's own result, and the sport's cut-off
 * for postponed events. Not thread-safe: one per batch.
 */
final class SettlementFacts {

    private final JdbcClient jdbc;
    private final EventResults events;
    private final EventTimeline timelines;
    private final ResultBook results;
    private final Instant now;
    private final Map<UUID, EventFacts> byEvent = new HashMap<>();
    private final Map<UUID, Optional<Grading.Result>> byMarket = new HashMap<>();

    SettlementFacts(JdbcClient jdbc, EventResults events, EventTimeline timelines, ResultBook results, Instant now) {
        this.jdbc = jdbc;
        this.events = events;
        this.timelines = timelines;
        this.results = results;
        this.now = now;
    }

    EventFacts event(UUID eventId) {
        return byEvent.computeIfAbsent(eventId, this::read);
    }

    Grading.Result market(UUID marketId) {
        return byMarket.computeIfAbsent(marketId, results::confirmedMarket).orElse(null);
    }

    private EventFacts read(UUID eventId) {
        Optional<EventResults.EventState> state = events.event(eventId);
        if (state.isEmpty()) {
            return new EventFacts(EventState.UNDECIDED, null, null, List.of(), null);
        }
        EventResults.EventState event = state.get();
        Optional<EventTimeline.Timeline> timeline = timelines.of(eventId);
        List<LegVerdicts.Incident> incidents = timeline.map(t -> t.incidents().stream()
                .map(i -> new LegVerdicts.Incident(i.occurredAt(), i.reportedAt())).toList()).orElse(List.of());
        Instant kickedOff = timeline.map(EventTimeline.Timeline::kickedOffAt).orElse(null);
        Optional<Grading.Result> result = results.confirmed(eventId);
        if (result.isEmpty() && event.feedResult() != null) {
            // the feed resulted the event while nobody listened (a restart): take its result now
            result = results.fromFeed(eventId).flatMap(ignored -> results.confirmed(eventId));
        }
        EventState decided = switch (event.status()) {
            case "cancelled" -> EventState.CANCELLED;
            case "abandoned" -> EventState.ABANDONED;
            case "postponed" -> postponedBeyondCutOff(event) ? EventState.POSTPONED_BEYOND_CUT_OFF : EventState.UNDECIDED;
            default -> result.isPresent() ? EventState.RESULTED : EventState.UNDECIDED;
        };
        return new EventFacts(decided, event.startsAt(), kickedOff, incidents, result.orElse(null));
    }

    private boolean postponedBeyondCutOff(EventResults.EventState event) {
        int hours = jdbc.sql("""
                SELECT postponed_hours FROM settlement_cutoff WHERE sport_key IN (?, '*') ORDER BY sport_key = '*' LIMIT 1""")
                .param(event.sport()).query(Integer.class).optional().orElse(48);
        // from the scheduled start, or from the postponement if the feed moved the start to the new date
        Instant since = event.statusSince() != null && event.statusSince().isBefore(event.startsAt())
                ? event.statusSince() : event.startsAt();
        return !since.plus(Duration.ofHours(hours)).isAfter(now);
    }
}
