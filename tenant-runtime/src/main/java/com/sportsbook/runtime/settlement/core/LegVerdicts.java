package com.sportsbook.runtime.settlement.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one leg of a bet resolves, from what is known of its event: a past-posted leg is void ({@code past_post}: a
 * pre-match leg accepted at or after the event's start, or a leg accepted after an incident the feed reported only
 * later); a cancelled or abandoned event, or one postponed beyond the sport's cut-off, voids its legs; a resulted
 * event grades the leg; anything else leaves it undecided (empty).
 */
public final class LegVerdicts {

    public static final String PAST_POST = "past_post";
    public static final String EVENT_CANCELLED = "event_cancelled";
    public static final String EVENT_ABANDONED = "event_abandoned";
    public static final String EVENT_POSTPONED = "event_postponed";

    private LegVerdicts() {
    }

    /** Where the event stands for settlement. */
    public enum EventState {
        RESULTED,
        CANCELLED,
        ABANDONED,
        POSTPONED_BEYOND_CUT_OFF,
        UNDECIDED
    }

    /** An incident (goal, red card...) at its true time, and when the book learned of it. */
    public record Incident(Instant occurredAt, Instant reportedAt) {
    }

    /**
     * The event as settlement sees it: its state, scheduled start and actual kick-off (null if never seen live),
     * incidents, and the confirmed result (null unless resulted).
     */
    public record EventFacts(EventState state, Instant startsAt, Instant kickedOffAt, List<Incident> incidents,
            Grading.Result result) {
        public EventFacts {
            incidents = incidents == null ? List.of() : List.copyOf(incidents);
        }

        Instant start() {
            return kickedOffAt != null && kickedOffAt.isBefore(startsAt) ? kickedOffAt : startsAt;
        }
    }

    /**
     * A leg as accepted: market type, line, selection key, whether the bet was taken in play, when it was accepted,
     * and the confirmed result of its own market where a market is resulted by itself (outrights), else null.
     */
    public record LegFacts(String marketType, BigDecimal line, String selectionKey, boolean inPlay, Instant acceptedAt,
            Grading.Result marketResult) {
    }

    /** The leg's outcome and, for a void by rule, why ({@code null} when graded from the result). */
    public record Verdict(Outcome outcome, String voidReason) {
    }

    public static Optional<Verdict> judge(LegFacts leg, EventFacts event) {
        if (pastPosted(leg, event)) {
            return Optional.of(new Verdict(Outcome.VOID, PAST_POST));
        }
        return switch (event.state()) {
            case CANCELLED -> Optional.of(new Verdict(Outcome.VOID, EVENT_CANCELLED));
            case ABANDONED -> Optional.of(new Verdict(Outcome.VOID, EVENT_ABANDONED));
            case POSTPONED_BEYOND_CUT_OFF -> Optional.of(new Verdict(Outcome.VOID, EVENT_POSTPONED));
            case RESULTED, UNDECIDED -> {
                // a market resulted on its own (an outright) needs its own result; the others the event's
                Grading.Result result = leg.marketResult() != null ? leg.marketResult()
                        : "outright".equals(leg.marketType()) || event.state() == EventState.UNDECIDED ? null : event.result();
                yield result == null ? Optional.empty()
                        : Grading.grade(leg.marketType(), leg.line(), leg.selectionKey(), result).map(outcome -> new Verdict(outcome, null));
            }
        };
    }

    static boolean pastPosted(LegFacts leg, EventFacts event) {
        if (leg.acceptedAt() == null) {
            return false;
        }
        if (!leg.inPlay()) {
            return event.startsAt() != null && !leg.acceptedAt().isBefore(event.start());
        }
        return event.incidents().stream().anyMatch(incident -> !incident.occurredAt().isAfter(leg.acceptedAt())
                && incident.reportedAt().isAfter(leg.acceptedAt()));
    }
}
