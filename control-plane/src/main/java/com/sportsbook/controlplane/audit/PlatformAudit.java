package com.sportsbook.controlplane.audit;

import com.sportsbook.controlplane.audit.core.AuditEntry;
import com.sportsbook.controlplane.audit.core.AuditRecord;
import com.sportsbook.controlplane.audit.core.AuditQuery;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's API: record a platform action, read a page of the trail. The platform's own modules do not call
 * it (they publish events, {@link PlatformAuditListener}); it is here for work that has no module of its own.
 */
@Service
public class PlatformAudit {

    /** A page of records, newest first, and the cursor of the next page (null on the last). */
    public record Page(List<AuditRecord> items, String nextCursor) {
    }

    private final AuditStore store;
    private final Clock clock;

    PlatformAudit(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records in the caller's transaction (commits or rolls back with the action), else in its own. */
    @Transactional(propagation = Propagation.REQUIRED)
    public long record(AuditEntry entry) {
        return store.insert(clock.instant(), entry);
    }

    @Transactional(readOnly = true)
    public Page page(AuditQuery query) {
        List<AuditRecord> rows = store.page(query, query.limit() + 1);
        List<AuditRecord> page = rows.stream().limit(query.limit()).toList();
        return new Page(page, rows.size() > query.limit() ? Long.toString(page.getLast().id()) : null);
    }
}
