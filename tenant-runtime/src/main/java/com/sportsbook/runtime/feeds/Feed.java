package com.sportsbook.runtime.feeds;

import java.util.function.Consumer;

/**
 * A source of feed messages: the simulated feed, a real season replayed, a recorded JSON-lines file, and later a
 * provider's live feed. A feed plays its messages into a sink in order; a finite feed returns when it has played
 * everything, an endless one runs until its thread is interrupted.
 */
public interface Feed {

    /** A short name for logs and measurements ("simulated", "football-data E0 2023-24"). */
    String name();

    void play(Consumer<FeedMessage> sink) throws InterruptedException;
}
