package com.sportsbook.runtime.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad feed input is skipped with its reason, and the feed goes on. */
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
    void aRestartedFeedChangesNothingItAlreadyDelivered() {
        FeedScreen screen = new FeedScreen();
        List<FeedMessage> messages = JsonLinesFeed.read(FEED).messages();

        int first = screen.screen(messages).accepted().size();
        FeedScreen.Screened again = screen.screen(messages);

        assertThat(first).isEqualTo(4);
        assertThat(again.accepted()).isEmpty();
    }
}
