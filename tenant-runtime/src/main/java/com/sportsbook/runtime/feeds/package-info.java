/**
 * Odds feeds: where events, prices, in-play incidents and results come from, as
 * {@link com.sportsbook.runtime.feeds.FeedMessage}s versioned per event. So far: the real Premier League seasons
 * (football-data.co.uk CSVs, {@code footballdata}) as a replay, a recorded JSON-lines feed ({@code jsonl}), and the
 * screen every feed passes (unknown events, impossible prices, duplicates and older versions skipped with a reason).
 * The simulated feed and ingestion into each tenant's catalog come next (catalog issue).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"pricing"})
package com.sportsbook.runtime.feeds;
