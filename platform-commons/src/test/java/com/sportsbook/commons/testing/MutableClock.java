package com.sportsbook.commons.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock (or a fixed start) moved forward by a test: cooling-offs, time-outs, caches and rolling windows
 * pass without waiting.
 */
public final class MutableClock extends Clock {

    /** Puts a {@link MutableClock} in place of the application's clock: {@code @Import(MutableClock.Configuration.class)}. */
    @TestConfiguration
    public static class Configuration {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Instant start;

    /** Follows the system clock, plus whatever the test advanced it by. */
    public MutableClock() {
        this(null);
    }

    private MutableClock(Instant start) {
        this.start = start;
    }

    /** Stands still at {@code start} until the test advances it. */
    public static MutableClock startingAt(Instant start) {
        return new MutableClock(start);
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(offset.get());
    }
}
