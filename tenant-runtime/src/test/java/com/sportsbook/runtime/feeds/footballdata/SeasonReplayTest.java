package com.sportsbook.runtime.feeds.footballdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.feeds.EventStatus;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.MarketType;
import com.sportsbook.runtime.feeds.FeedScreen;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real season replayed as feed messages: every match scheduled, priced, played and resulted, once. */
class SeasonReplayTest {

    private static final List<SeasonMatch> SEASON = SeasonFile.bundledSeasons().stream()
            .filter(read -> read.matches().getFirst().season().equals("2023-24")).findFirst().orElseThrow().matches();

    @Test
    void everyMatchIsScheduledPricedPlayedAndResultedInTimeOrder() {
        List<FeedMessage> messages = SeasonReplay.messages(SEASON);
        FeedScreen.Screened screened = new FeedScreen().screen(messages);

        assertThat(screened.skipped()).isEmpty();
        assertThat(messages.stream().filter(FeedMessage.Result.class::isInstance)).hasSize(380);
        assertThat(messages.stream().filter(m -> m instanceof FeedMessage.EventUpdate e && e.status() == EventStatus.SCHEDULED)
                .map(m -> ((FeedMessage.EventUpdate) m).startsAt()).toList()).isSorted();
        assertThat(new FeedScreen().screen(messages.reversed()).accepted())
                .as("played backwards, what precedes its event's announcement is refused; each event is announced once")
                .hasSize(380).allSatisfy(m -> assertThat(m).isInstanceOf(FeedMessage.EventUpdate.class));
    }

    @Test
    void burnleyAgainstManCityCarriesItsRealPricesAndScore() {
        SeasonMatch match = SEASON.stream().filter(m -> m.home().equals("Burnley") && m.away().equals("Man City"))
                .findFirst().orElseThrow();
        List<FeedMessage> messages = SeasonReplay.messages(List.of(match));

        FeedMessage.MarketUpdate opening = (FeedMessage.MarketUpdate) messages.get(1);
        FeedMessage.Result result = (FeedMessage.Result) messages.getLast();

        assertThat(opening.type()).isEqualTo(MarketType.ONE_X_TWO);
        assertThat(opening.prices()).isEqualTo(Map.of("home", new BigDecimal("8"), "draw", new BigDecimal("5.5"),
                "away", new BigDecimal("1.33")));
        assertThat(messages).filteredOn(m -> m instanceof FeedMessage.MarketUpdate market && market.type() == MarketType.ASIAN_HANDICAP)
                .extracting(m -> ((FeedMessage.MarketUpdate) m).line()).containsExactly(new BigDecimal("1.5"), new BigDecimal("1.5"));
        assertThat(List.of(result.homeGoals(), result.awayGoals(), result.halfTimeHomeGoals(), result.halfTimeAwayGoals()))
                .containsExactly(0, 3, 0, 2);
        assertThat(messages).extracting(FeedMessage::version).isSorted().doesNotHaveDuplicates();
        assertThat(messages).allSatisfy(m -> assertThat(m.eventRef()).isEqualTo("fd:E0:2023-24:2"));
    }
}
