/**
 * The simulated odds feed: an endless, deterministic stream of football, tennis and basketball events with their
 * markets, prices, in-play scores and results, in the platform's {@link com.sportsbook.runtime.feeds.FeedMessage}
 * terms. {@link com.sportsbook.runtime.feeds.simulated.SimulatedFeed} plays it in real time (or is stepped through
 * simulated time by tests and tools); {@link com.sportsbook.runtime.feeds.simulated.SimulationSettings} says how many
 * events, how fast and how busy. Prices come from small probability models (Poisson goals, tennis service holds,
 * basketball possessions) with the provider's margin laid on proportionally, so every book carries an overround.
 * Plain Java, no framework.
 */
@org.springframework.modulith.NamedInterface("simulated")
package com.sportsbook.runtime.feeds.simulated;
