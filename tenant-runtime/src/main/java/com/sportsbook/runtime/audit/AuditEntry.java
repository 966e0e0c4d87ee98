package com.sportsbook.runtime.audit;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
        payload = payload == null ? Map.of() : payload instanceof Fields fields ? fields
                : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
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
        return new AuditEntry(kind, subject, reference, actor, occurredAt, new Fields(payload, field, value));
    }

    /** This entry with all these payload fields. */
    public AuditEntry with(Map<String, ?> fields) {
        Map<String, Object> more = payload;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            more = new Fields(more, field.getKey(), field.getValue());
        }
        return new AuditEntry(kind, subject, reference, actor, occurredAt, more);
    }

    /**
     * A payload built one field at a time: each step keeps the payload before it and its one field, so adding a field
     * copies nothing (an entry of a dozen fields used to copy its map twice per field). The map itself, in the order
     * the fields were added (a field added again keeps its first place and takes its last value, as a
     * {@link LinkedHashMap} does), is built once, when first read, and is unmodifiable.
     */
    private static final class Fields extends AbstractMap<String, Object> {

        private final Map<String, Object> before;
        private final String field;
        private final Object value;
        private volatile Map<String, Object> built;

        Fields(Map<String, Object> before, String field, Object value) {
            this.before = before;
            this.field = field;
            this.value = value;
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return map().entrySet();
        }

        @Override
        public Object get(Object key) {
            return map().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map().containsKey(key);
        }

        @Override
        public int size() {
            return map().size();
        }

        private Map<String, Object> map() {
            Map<String, Object> map = built;
            if (map == null) {
                Deque<Fields> steps = new ArrayDeque<>();
                Map<String, Object> start = this;
                while (start instanceof Fields step && step.built == null) {
                    steps.push(step);
                    start = step.before;
                }
                Map<String, Object> all = new LinkedHashMap<>(start);
                for (Fields step : steps) {
                    all.put(step.field, step.value);
                }
                map = Collections.unmodifiableMap(all);
                built = map;
            }
            return map;
        }
    }
}
