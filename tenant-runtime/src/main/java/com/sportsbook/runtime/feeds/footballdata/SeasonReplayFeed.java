package com.sportsbook.runtime.feeds.footballdata;

import com.sportsbook.runtime.feeds.Feed;
import com.sportsbook.runtime.feeds.FeedMessage;
import java.util.function.Consumer;

/** A real season (one of the bundled football-data.co.uk files) played as a feed, as fast as it is taken. */
public final class SeasonReplayFeed implements Feed {

    private final SeasonFile.Read season;

    public SeasonReplayFeed(SeasonFile.Read season) {
        this.season = season;
    }

    /** The bundled season named like "2023-24". */
    public static SeasonReplayFeed bundled(String season) {
        return new SeasonReplayFeed(SeasonFile.bundledSeasons().stream()
                .filter(read -> !read.matches().isEmpty() && read.matches().getFirst().season().equals(season))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundled season " + season)));
    }

    @Override
    public String name() {
        return "football-data E0 " + season.matches().getFirst().season();
    }

    @Override
    public void play(Consumer<FeedMessage> sink) throws InterruptedException {
        for (FeedMessage message : SeasonReplay.messages(season.matches())) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            sink.accept(message);
        }
    }
}
