package com.sportsbook.runtime.audit.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** One stored audit record; the chain columns ({@code seq} to {@code sealedAt}) are null until it is sealed. */
public record AuditRow(long id, String kind, String subject, String reference, String actor, Instant occurredAt,
        String payload, Long seq, String prevHash, String hash, Instant sealedAt) {

    static final String COLUMNS = "id, kind, subject_id, reference, actor, occurred_at, payload, seq, prev_hash, hash, sealed_at";

    static AuditRow of(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        boolean sealed = !rs.wasNull();
        Timestamp sealedAt = rs.getTimestamp("sealed_at");
        return new AuditRow(rs.getLong("id"), rs.getString("kind"), rs.getString("subject_id"), rs.getString("reference"),
                rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload"),
                sealed ? seq : null, rs.getString("prev_hash"), rs.getString("hash"),
                sealedAt == null ? null : sealedAt.toInstant());
    }
}
