package com.sportsbook.runtime.feeds.footballdata;

import com.sportsbook.runtime.feeds.EventStatus;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.MarketStatus;
import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a real season into the messages a feed would have sent, in time order: each match is scheduled with its
 * opening prices (1X2, total goals 2.5, Asian handicap), moves to its closing prices, kicks off, finishes and is
 * resulted with the real score. Versions rise per event, so replaying the season twice is one season.
 */
public final class SeasonReplay {

    private SeasonReplay() {
    }

    public static List<FeedMessage> messages(List<SeasonMatch> season) {
        List<FeedMessage> messages = new ArrayList<>();
        season.stream().sorted(Comparator.comparing(SeasonMatch::kickOff).thenComparing(SeasonMatch::row)).forEach(match -> {
            String event = eventRef(match);
            long version = 1;
            messages.add(FeedMessage.EventUpdate.match(event, version++, "football", "England", "Premier League",
                    match.home(), match.away(), match.kickOff(), EventStatus.SCHEDULED, null));
            for (FeedMessage.MarketUpdate market : markets(event, match, true)) {
                messages.add(withVersion(market, version++));
            }
            for (FeedMessage.MarketUpdate market : markets(event, match, false)) {
                messages.add(withVersion(market, version++));
            }
            messages.add(FeedMessage.EventUpdate.match(event, version++, "football", "England", "Premier League",
                    match.home(), match.away(), match.kickOff(), EventStatus.LIVE, new FeedMessage.Score(0, 0)));
            messages.add(FeedMessage.EventUpdate.match(event, version++, "football", "England", "Premier League",
                    match.home(), match.away(), match.kickOff(), EventStatus.FINISHED,
                    new FeedMessage.Score(match.homeGoals(), match.awayGoals())));
            messages.add(new FeedMessage.Result(event, version, match.homeGoals(), match.awayGoals(),
                    match.halfTimeHomeGoals(), match.halfTimeAwayGoals()));
        });
        return List.copyOf(messages);
    }

    /** A stable reference per match: the same file replayed again names the same events. */
    public static String eventRef(SeasonMatch match) {
        return "fd:E0:" + match.season() + ":" + match.row();
    }

    private static List<FeedMessage.MarketUpdate> markets(String event, SeasonMatch match, boolean opening) {
        List<FeedMessage.MarketUpdate> markets = new ArrayList<>();
        SeasonMatch.ThreeWay threeWay = opening ? match.opening1x2() : match.closing1x2();
        if (threeWay != null) {
            markets.add(new FeedMessage.MarketUpdate(event, 0, event + ":1x2", MarketType.ONE_X_TWO, null, MarketStatus.OPEN,
                    prices("home", threeWay.home(), "draw", threeWay.draw(), "away", threeWay.away())));
        }
        SeasonMatch.TwoWay total = opening ? match.openingTotal25() : match.closingTotal25();
        if (total != null) {
            markets.add(new FeedMessage.MarketUpdate(event, 0, event + ":total:2.5", MarketType.TOTAL, new BigDecimal("2.5"),
                    MarketStatus.OPEN, prices("over", total.over(), "under", total.under())));
        }
        SeasonMatch.Handicap handicap = opening ? match.openingHandicap() : match.closingHandicap();
        if (handicap != null) {
            markets.add(new FeedMessage.MarketUpdate(event, 0, event + ":ah:" + handicap.line().toPlainString(),
                    MarketType.ASIAN_HANDICAP, handicap.line(), MarketStatus.OPEN, prices("home", handicap.home(), "away", handicap.away())));
        }
        return markets;
    }

    private static FeedMessage.MarketUpdate withVersion(FeedMessage.MarketUpdate market, long version) {
        return new FeedMessage.MarketUpdate(market.eventRef(), version, market.marketRef(), market.type(), market.line(),
                market.status(), market.prices());
    }

    private static Map<String, BigDecimal> prices(Object... keysAndPrices) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (int i = 0; i < keysAndPrices.length; i += 2) {
            prices.put((String) keysAndPrices[i], (BigDecimal) keysAndPrices[i + 1]);
        }
        return prices;
    }
}
