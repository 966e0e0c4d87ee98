package com.sportsbook.runtime.realtime;

import com.sportsbook.runtime.catalog.CatalogChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One bus per replica: Redis pub/sub when {@code runtime.realtime.redis-url} is set (several replicas), in-process
 * otherwise (the embedded default). Committed catalog changes go onto the bus; what comes off it goes to the hub.
 */
@Configuration
class RealtimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RealtimeConfiguration.class);

    @Bean(destroyMethod = "close")
    ChangeBus changeBus(@Value("${runtime.realtime.redis-url:}") String redisUrl,
            @Value("${runtime.realtime.channel:sportsbook-catalog-changes}") String channel) {
        if (redisUrl.isBlank()) {
            log.info("live push: in-process change bus (one replica)");
            return new LocalChangeBus();
        }
        log.info("live push: Redis change bus on {} channel {}", redisUrl.replaceAll("//[^@]*@", "//***@"), channel);
        return new RedisChangeBus(redisUrl, channel);
    }

    @Bean(destroyMethod = "close")
    LiveHub liveHub(ChangeBus bus, @Value("${runtime.realtime.push-lanes:0}") int configuredLanes) {
        int count = configuredLanes > 0 ? configuredLanes : Math.max(2, Runtime.getRuntime().availableProcessors());
        List<ExecutorService> lanes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lanes.add(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("live-push-" + i).daemon().factory()));
        }
        LiveHub hub = new LiveHub(lanes);
        bus.onChange(hub::deliver);
        return hub;
    }

    @Bean
    ChangeForwarder changeForwarder(ChangeBus bus, LiveHub hub) {
        return new ChangeForwarder(bus, hub);
    }

    /** Puts every committed catalog change on the bus, and keeps idle streams open through proxies. */
    static final class ChangeForwarder {
        private final ChangeBus bus;
        private final LiveHub hub;

        ChangeForwarder(ChangeBus bus, LiveHub hub) {
            this.bus = bus;
            this.hub = hub;
        }

        @EventListener
        void on(CatalogChange change) {
            bus.publish(change);
        }

        @Scheduled(fixedDelayString = "${runtime.realtime.heartbeat:15s}")
        void heartbeat() {
            hub.heartbeat();
        }
    }
}
