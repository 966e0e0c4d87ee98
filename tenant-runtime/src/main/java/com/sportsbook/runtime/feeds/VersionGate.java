package com.sportsbook.runtime.feeds;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Orders a feed per event: a message is applied only if its version is above the last applied one for its event.
 * A restarted feed that replays from the start therefore changes nothing it already delivered. Plain Java; the
 * catalog keeps the versions in each tenant's schema, this keeps them for one feed's run.
 */
public final class VersionGate {

    public enum Decision {
        APPLY,
        /** The same version again: a redelivery. */
        DUPLICATE,
        /** An older version arriving after a newer one. */
        STALE
    }

    private final Map<String, Long> applied = new ConcurrentHashMap<>();

    public Decision offer(FeedMessage message) {
        Decision[] decision = new Decision[1];
        applied.compute(message.eventRef(), (event, last) -> {
            if (last == null || message.version() > last) {
                decision[0] = Decision.APPLY;
                return message.version();
            }
            decision[0] = message.version() == last ? Decision.DUPLICATE : Decision.STALE;
            return last;
        });
        return decision[0];
    }
}
