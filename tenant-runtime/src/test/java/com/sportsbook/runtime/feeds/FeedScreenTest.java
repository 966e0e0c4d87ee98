package com.sportsbook.runtime.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad feed input is skipped with its reason, and the feed goes on; late incidents are not bad input. */
class FeedScreenTest {

    private static final String FEED = """
            {"type":"event","eventRef":"e1","version":1,"sport":"football","category":"England","competition":"PL","home":"Arsenal","away":"Wolves","startsAt":"2024-08-17T14:00:00Z","status":"scheduled"}
            {"type":"market","eventRef":"e1","version":2,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.18","draw":"7.5","away":"13"}}
            {"type":"market","eventRef":"e1","version":2,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.18","draw":"7.5","away":"13"}}
            {"type":"market","eventRef":"e9","version":1,"marketRef":"e9:1x2","marketType":"1x2","status":"open","prices":{"home":"2","draw":"3","away":"4"}}
            {"type":"market","eventRef":"e1","version":3,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"home":"0","draw":"7.5","away":"13"}}
            {"type":"market","eventRef":"e1","version":4,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"home":"-1.5","draw":"7.5","away":"13"}}
            {"type":"market","eventRef":"e1","version":5,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.00","draw":"7.5","away":"13"}}
            {"type":"market","eventRef":"e1","version":7,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.20","draw":"7","away":"12"}}
            {"type":"market","eventRef":"e1","version":6,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"home":"1.19","draw":"7","away":"12"}}
            {"type":"event","eventRef":"e2","version":0,"sport":"football","category":"England","competition":"PL","home":"A","away":"B","startsAt":"2024-08-17T14:00:00Z","status":"scheduled"}
            this is not json
            {"type":"lottery","eventRef":"e1","version":8}
            {"type":"market","version":8,"marketRef":"x","marketType":"1x2","status":"open","prices":{"home":"2"}}
            {"type":"market","eventRef":"e1","version":8,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"home":"abc"}}
            {"type":"market","eventRef":"e1","version":8,"marketRef":"e1:t","marketType":"total","line":"2.3","status":"open","prices":{"over":"1.9","under":"1.9"}}
            {"type":"market","eventRef":"e1","version":8,"marketRef":"e1:1x2","marketType":"1x2","status":"open","prices":{"banana":"2.0"}}
            {"type":"market","eventRef":"e1","version":8,"marketRef":"e1:x","marketType":"lottery_numbers","status":"open","prices":{}}
            {"type":"result","eventRef":"e1","version":9,"homeGoals":2,"awayGoals":0}
            """;

    @Test
    void malformedLinesUnknownIdsImpossiblePricesLinesAndOldVersionsAreSkippedAndTheFeedGoesOn() {
        JsonLinesFeed.Read read = JsonLinesFeed.read(FEED);
        FeedScreen.Screened screened = new FeedScreen().screen(read.messages());

        assertThat(read.problems()).extracting(JsonLinesFeed.Problem::line).containsExactly(11, 12, 13, 14, 17);
        assertThat(screened.accepted()).extracting(FeedMessage::version).containsExactly(1L, 2L, 7L, 9L);
        assertThat(screened.skipped()).extracting(FeedScreen.Skipped::reason).containsExactly(
                "duplicate of version 2",
                "unknown event e9",
                "the price of home (0) is below 1.01",
                "the price of home (-1.5) is below 1.01",
                "the price of home (1.00) is below 1.01",
                "older than the version already applied",
                "a version is a positive number",
                "a line is in steps of 0.25, not 2.3",
                "a 1x2 market has no selection 'banana'");
        assertThat(screened.accepted().getLast()).isEqualTo(new FeedMessage.Result("e1", 9, 2, 0, null, null));
    }

    @Test
    void anIncidentLineIsReadWithItsKindAndTrueTimeAndOneOfAnUnknownKindOrWithoutATimeIsRefused() {
        JsonLinesFeed.Read read = JsonLinesFeed.read("""
                {"type":"incident","eventRef":"e1","version":7,"kind":"goal","occurredAt":"2024-08-17T14:23:05.250Z"}
                {"type":"incident","eventRef":"e1","version":8,"kind":"own_goal","occurredAt":"2024-08-17T14:25:00Z"}
                {"type":"incident","eventRef":"e1","version":8,"kind":"red_card"}
                {"type":"incident","eventRef":"e1","version":8,"kind":"red_card","occurredAt":"yesterday"}
                """);

        assertThat(read.messages()).containsExactly(
                new FeedMessage.Incident("e1", 7, "goal", Instant.parse("2024-08-17T14:23:05.250Z")));
        assertThat(read.problems()).extracting(JsonLinesFeed.Problem::line).containsExactly(2, 3, 4);
        assertThat(read.problems().getFirst().reason()).isEqualTo("unknown incident kind 'own_goal'");
        assertThat(read.problems().get(1).reason()).isEqualTo("occurredAt is missing");
    }

    @Test
    void anIncidentReportedAfterLaterMessagesPassesTheScreenOnceItsEventIsKnownAndMalformedOnesAreSkipped() {
        Instant kickOff = Instant.parse("2024-08-17T14:00:00Z");
        FeedMessage.EventUpdate live = FeedMessage.EventUpdate.match("e1", 5, "football", "England", "PL", "Arsenal",
                "Wolves", kickOff, EventStatus.LIVE, new FeedMessage.Score(1, 0));
        FeedMessage.Incident lateGoal = new FeedMessage.Incident("e1", 3, "goal", kickOff.plusSeconds(600));
        FeedMessage.Incident redCard = new FeedMessage.Incident("e1", 6, "red_card", kickOff.plusSeconds(900));
        FeedMessage.EventUpdate sameVersionAsTheCard = FeedMessage.EventUpdate.match("e1", 6, "football", "England", "PL",
                "Arsenal", "Wolves", kickOff, EventStatus.LIVE, new FeedMessage.Score(1, 0));

        FeedScreen.Screened screened = new FeedScreen().screen(List.of(
                new FeedMessage.Incident("e0", 1, "goal", kickOff),
                live,
                lateGoal,
                new FeedMessage.Incident("e1", 4, "corner", kickOff),
                new FeedMessage.Incident("e1", 4, "goal", null),
                new FeedMessage.Incident("e1", 0, "goal", kickOff),
                redCard,
                sameVersionAsTheCard));

        assertThat(screened.accepted()).as("version 3 after 5 still passes; an incident's version marks nothing applied")
                .containsExactly(live, lateGoal, redCard, sameVersionAsTheCard);
        assertThat(screened.skipped()).extracting(FeedScreen.Skipped::reason).containsExactly(
                "unknown event e0",
                "unknown incident kind 'corner'",
                "an incident says when it occurred",
                "a version is a positive number");
    }

    @Test
    void aRestartedFeedChangesNothingItAlreadyDelivered() {
        FeedScreen screen = new FeedScreen();
        List<FeedMessage> messages = JsonLinesFeed.read(FEED).messages();

        int first = screen.screen(messages).accepted().size();
        FeedScreen.Screened again = screen.screen(messages);

        assertThat(first).isEqualTo(4);
        assertThat(again.accepted()).isEmpty();
    }
}
