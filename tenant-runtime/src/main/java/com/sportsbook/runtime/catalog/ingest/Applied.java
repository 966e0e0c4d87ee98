package com.sportsbook.runtime.catalog.ingest;

import com.sportsbook.runtime.catalog.CatalogChange;
import java.util.List;

/** What one feed message did to one tenant's catalog. */
public record Applied(Kind kind, String reason, List<CatalogChange> changes) {

    public enum Kind {
        /** Applied (possibly with nothing visible changing: the same prices again under a new version). */
        APPLIED,
        /**
         * This version (for an incident: the same event, kind and time) was applied before: a redelivery or a
         * restarted feed.
         */
        DUPLICATE,
        /** Older than the version applied for the event: arrived late, ignored. */
        STALE,
        /** The tenant does not have the event (yet): it may catch up from the event's last announcement. */
        UNKNOWN_EVENT,
        /** Refused for a reason (sport not offered, a move the lifecycle forbids, a new market without prices). */
        SKIPPED
    }

    public Applied {
        changes = List.copyOf(changes);
    }

    static Applied applied(List<CatalogChange> changes) {
        return new Applied(Kind.APPLIED, null, changes);
    }

    static Applied not(Kind kind, String reason) {
        return new Applied(kind, reason, List.of());
    }
}
