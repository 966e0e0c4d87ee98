package com.sportsbook.controlplane.identity;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure the platform realm (operators, platform staff) exists once the control plane is up. Keycloak may start
 * after the control plane, so this keeps trying in the background for a while instead of failing the start.
 */
@Component
class PlatformRealmBootstrap {

    private static final Logger log = LoggerFactory.getLogger(PlatformRealmBootstrap.class);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private final TenantRealms realms;

    PlatformRealmBootstrap(TenantRealms realms) {
        this.realms = realms;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensurePlatformRealm() {
        Thread.ofPlatform().daemon().name("platform-realm").start(() -> {
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    realms.ensurePlatformRealm();
                    log.info("platform realm is in place");
                    return;
                } catch (RuntimeException e) {
                    log.info("platform realm not yet in place ({}); retrying", e.getMessage());
                    sleep(Duration.ofSeconds(5));
                }
            }
            log.error("the platform realm could not be set up within {}", GIVE_UP_AFTER);
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
