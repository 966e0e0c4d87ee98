package com.sportsbook.runtime.audit.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * One stored audit record and its link in the chain ({@code seq} to {@code sealedAt}, from {@code audit_chain_link}),
 * null until it is sealed. Read along the chain, a link whose record is gone has only its id and link ({@link #gone()}).
 */
public record AuditRow(long id, String kind, String subject, String reference, String actor, Instant occurredAt,
        String payload, Long seq, String prevHash, String hash, Instant sealedAt) {

    /** The record's own columns, on {@code audit_record r}. */
    static final String CONTENT = "r.kind, r.subject_id, r.reference, r.actor, r.occurred_at, r.payload";
    /** The link's columns, on {@code audit_chain_link l}. */
    static final String LINK = "l.seq, l.prev_hash, l.hash, l.sealed_at";

    static AuditRow of(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        boolean sealed = !rs.wasNull();
        Timestamp sealedAt = rs.getTimestamp("sealed_at");
        Timestamp occurredAt = rs.getTimestamp("occurred_at");
        return new AuditRow(rs.getLong("id"), rs.getString("kind"), rs.getString("subject_id"), rs.getString("reference"),
                rs.getString("actor"), occurredAt == null ? null : occurredAt.toInstant(), rs.getString("payload"),
                sealed ? seq : null, rs.getString("prev_hash"), rs.getString("hash"),
                sealedAt == null ? null : sealedAt.toInstant());
    }

    /** A link read along the chain whose record is no longer there (records have a kind, always). */
    boolean gone() {
        return kind == null;
    }
}
