package com.sportsbook.runtime.audit.log;

import java.time.Instant;
import java.util.List;

/** Pages through the bound tenant's audit log, newest first, in the caller's transaction. */
public final class AuditLogReads {

    private final AuditChain chain;

    AuditLogReads(AuditChain chain) {
        this.chain = chain;
    }

    /**
     * Records matching every filter given (nulls filter nothing): {@code kind} exact or a prefix ending in {@code *},
     * {@code subject} the id a record is about or refers to, {@code from} inclusive, {@code to} exclusive,
     * {@code beforeId} the cursor of the previous page.
     */
    public List<AuditRow> page(String kind, String subject, Instant from, Instant to, Long beforeId, int limit) {
        return chain.page(new AuditChain.Filter(kind, subject, from, to, beforeId, limit));
    }
}
