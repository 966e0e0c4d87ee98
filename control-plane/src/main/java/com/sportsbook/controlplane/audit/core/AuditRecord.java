package com.sportsbook.controlplane.audit.core;

import java.time.Instant;
import java.util.Map;

/** A recorded platform action, as stored: its id (the order of recording), when, what, on which tenant, by whom. */
public record AuditRecord(long id, Instant at, String action, String tenant, AuditEntry.Actor actor,
        Map<String, Object> detail) {
}
