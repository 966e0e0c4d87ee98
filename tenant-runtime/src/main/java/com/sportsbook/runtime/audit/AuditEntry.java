package com.sportsbook.runtime.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing that happened, as the audit log keeps it: a dotted {@code kind} ({@code bet.accepted},
 * {@code wallet.transaction}, {@code trading.hold} ...), the id of what it is about ({@code subject}), another id it
 * refers to ({@code reference}, e.g. the bet of a wallet transaction), who did it ({@code actor}; null: the signed-in
 * caller, else {@code system}), when ({@code occurredAt}; null: now) and the facts as a small JSON object
 * ({@code payload}, written in {@link CanonicalJson}). The tenant is the one the writing transaction is bound to.
 */
public record AuditEntry(String kind, String subject, String reference, String actor, Instant occurredAt,
        Map<String, Object> payload) {

    public AuditEntry {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a kind");
        }
        payload = payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    public static AuditEntry of(String kind, Object subject) {
        return new AuditEntry(kind, subject == null ? null : subject.toString(), null, null, null, Map.of());
    }

    public AuditEntry reference(Object reference) {
        return new AuditEntry(kind, subject, reference == null ? null : reference.toString(), actor, occurredAt, payload);
    }

    public AuditEntry by(String actor) {
        return new AuditEntry(kind, subject, reference, actor, occurredAt, payload);
    }

    public AuditEntry at(Instant occurredAt) {
        return new AuditEntry(kind, subject, reference, actor, occurredAt, payload);
    }

    /** This entry with one more payload field (null values are kept as JSON null). */
    public AuditEntry with(String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(payload);
        more.put(field, value);
        return new AuditEntry(kind, subject, reference, actor, occurredAt, more);
    }

    /** This entry with all these payload fields. */
    public AuditEntry with(Map<String, ?> fields) {
        Map<String, Object> more = new LinkedHashMap<>(payload);
        more.putAll(fields);
        return new AuditEntry(kind, subject, reference, actor, occurredAt, more);
    }
}
