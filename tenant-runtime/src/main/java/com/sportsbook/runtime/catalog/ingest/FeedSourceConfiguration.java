package com.sportsbook.runtime.catalog.ingest;

import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.feeds.Feed;
import com.sportsbook.runtime.feeds.footballdata.SeasonReplayFeed;
import com.sportsbook.runtime.feeds.simulated.SimulatedFeed;
import com.sportsbook.runtime.feeds.simulated.SimulationSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The feed this replica plays ({@code runtime.feeds.source}): none, the simulated feed, or a real season replayed.
 * It starts once the runtime is ready; tenants that go live later take the feed's current state on arrival.
 */
@Configuration
@ConditionalOnExpression("'${runtime.feeds.source:none}' != 'none'")
class FeedSourceConfiguration {

    @Bean(destroyMethod = "close")
    FeedRunner feedRunner(@Value("${runtime.feeds.source}") String source,
            @Value("${runtime.feeds.replay-season:2023-24}") String season,
            @Value("${runtime.feeds.simulated-speed:1}") double minutesPerSecond, CatalogIngestion ingestion, Clock clock) {
        Feed feed = switch (source.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "simulated" -> new SimulatedFeed(SimulationSettings.defaults()
                    .withSeed(clock.millis())
                    .withPace(60 * minutesPerSecond, 1, Duration.ofMillis(10)), clock);
            case "replay" -> SeasonReplayFeed.bundled(season);
            default -> throw new IllegalStateException("runtime.feeds.source is none, simulated or replay, not '" + source + "'");
        };
        return new FeedRunner(feed, ingestion);
    }

    @Bean
    FeedStarter feedStarter(FeedRunner runner) {
        return new FeedStarter(runner);
    }

    /** Starts the feed when the application is ready to serve. */
    static final class FeedStarter {
        private final FeedRunner runner;

        FeedStarter(FeedRunner runner) {
            this.runner = runner;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            runner.start();
        }
    }
}
