package com.sportsbook.runtime.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.catalog.CatalogChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several runtime replicas on the machine's Redis (127.0.0.1:6379, as in CI): a change ingested on one replica
 * reaches every replica, its own included, in the order it was published, unchanged.
 */
class RedisChangeBusIT {

    private static final String REDIS = System.getProperty("test.redis-url", "redis://127.0.0.1:6379");

    @Test
    void everyReplicaReceivesEveryChangeInPublishingOrder() throws InterruptedException {
        String channel = "test-changes-" + UUID.randomUUID();
        BlockingQueue<CatalogChange> first = new LinkedBlockingQueue<>();
        BlockingQueue<CatalogChange> second = new LinkedBlockingQueue<>();
        BlockingQueue<CatalogChange> third = new LinkedBlockingQueue<>();
        try (RedisChangeBus a = new RedisChangeBus(REDIS, channel); RedisChangeBus b = new RedisChangeBus(REDIS, channel);
                RedisChangeBus c = new RedisChangeBus(REDIS, channel)) {
            a.onChange(first::add);
            b.onChange(second::add);
            c.onChange(third::add);
            UUID event = UUID.randomUUID();
            Instant at = Instant.parse("2026-11-26T20:15:30.123456Z");
            CatalogChange goal = new CatalogChange.EventChanged("alpha", event, 7, "live", 1, 0, at);
            CatalogChange repriced = new CatalogChange.MarketChanged("alpha", event, UUID.randomUUID(), 4, "open",
                    List.of(new CatalogChange.PriceMove(UUID.randomUUID(), "home", new BigDecimal("1.45"), new BigDecimal("2.10")),
                            new CatalogChange.PriceMove(UUID.randomUUID(), "draw", new BigDecimal("4.20"), null)), at);

            a.publish(goal);
            a.publish(repriced);
            for (BlockingQueue<CatalogChange> replica : List.of(first, second, third)) {
                assertThat(replica.poll(5, TimeUnit.SECONDS)).isEqualTo(goal);
                assertThat(replica.poll(5, TimeUnit.SECONDS)).isEqualTo(repriced);
            }
            CatalogChange suspended = new CatalogChange.MarketChanged("beta", event, UUID.randomUUID(), 5, "suspended",
                    List.of(), at);
            b.publish(suspended);
            for (BlockingQueue<CatalogChange> replica : List.of(first, second, third)) {
                assertThat(replica.poll(5, TimeUnit.SECONDS)).as("published on another replica").isEqualTo(suspended);
            }
        }
    }
}
