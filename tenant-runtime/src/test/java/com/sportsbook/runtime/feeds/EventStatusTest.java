package com.sportsbook.runtime.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The moves an event's lifecycle allows a feed to make, and the ones it refuses. */
class EventStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "scheduled, live, true",
            "scheduled, postponed, true",
            "scheduled, cancelled, true",
            "scheduled, finished, false",
            "postponed, scheduled, true",
            "postponed, abandoned, true",
            "live, interrupted, true",
            "interrupted, live, true",
            "interrupted, abandoned, true",
            "live, finished, true",
            "live, scheduled, false",
            "finished, live, false",
            "finished, resulted, true",
            "resulted, settled, true",
            "resulted, live, false",
            "settled, archived, true",
            "abandoned, live, false",
            "cancelled, scheduled, false",
            "live, live, true"})
    void aFeedMayOnlyMakeTheMovesTheLifecycleAllows(String from, String to, boolean allowed) {
        assertThat(EventStatus.fromWire(from).canBecome(EventStatus.fromWire(to))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} offered: {1}")
    @CsvSource({"scheduled, true", "live, true", "interrupted, false", "postponed, false", "finished, false"})
    void onlyScheduledAndLiveEventsAreOfferedToPlayers(String status, boolean offered) {
        assertThat(EventStatus.fromWire(status).offered()).isEqualTo(offered);
    }
}
