/**
 * Odds feeds: where events, prices and results come from. So far the reader of the real Premier League seasons
 * (football-data.co.uk CSVs) that the replay feed plays; the feed interface, the simulated feed and ingestion come
 * next (catalog issue).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"pricing"})
package com.sportsbook.runtime.feeds;
