package com.sportsbook.runtime.audit.log;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL over the bound tenant's audit tables, inside the caller's transaction. */
final class AuditChain {

    /** Where the chain ends, as the sealer last left it. */
    record Head(long lastSeq, String lastHash) {
    }

    /** A record's chain columns, about to be filled. */
    record Link(long id, long seq, String prevHash, String hash) {
    }

    /** What a page of the log is filtered by; nulls filter nothing. {@code kind} may end in {@code *} (a prefix). */
    record Filter(String kind, String subject, Instant from, Instant to, Long beforeId, int limit) {
    }

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for (or, with {@code wait} false, tries) the tenant's sealer lock, held until the transaction ends. */
    boolean lockSealer(boolean wait) {
        // advisory locks are database-wide: the key names the tenant's schema
        String key = "hashtextextended('audit-sealer:' || current_schema(), 0)";
        if (wait) {
            jdbc.sql("SELECT pg_advisory_xact_lock(" + key + ")").query().listOfRows();
            return true;
        }
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(" + key + ")").query(Boolean.class).single());
    }

    Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    List<AuditRow> unsealed(int limit) {
        return jdbc.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_record WHERE seq IS NULL ORDER BY id LIMIT ?")
                .param(limit).query((rs, row) -> AuditRow.of(rs)).list();
    }

    long unsealedCount() {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE seq IS NULL").query(Long.class).single();
    }

    /** Fills the chain columns of these records and moves the head to the last of them, in one statement each. */
    void seal(List<Link> links, Instant at) {
        Long[] ids = new Long[links.size()];
        Long[] seqs = new Long[links.size()];
        String[] prevs = new String[links.size()];
        String[] hashes = new String[links.size()];
        for (int i = 0; i < links.size(); i++) {
            ids[i] = links.get(i).id();
            seqs[i] = links.get(i).seq();
            prevs[i] = links.get(i).prevHash();
            hashes[i] = links.get(i).hash();
        }
        Timestamp sealedAt = Timestamp.from(at);
        int sealed = jdbc.sql("""
                UPDATE audit_record r SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, sealed_at = ?
                FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS v(id, seq, prev_hash, hash)
                WHERE r.id = v.id AND r.seq IS NULL""")
                .params(sealedAt, ids, seqs, prevs, hashes).update();
        if (sealed != links.size()) {
            throw new IllegalStateException("sealed " + sealed + " audit records of " + links.size()
                    + ": another sealer ran without the lock");
        }
        Link last = links.getLast();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, updated_at = ? WHERE id = 1")
                .params(last.seq(), last.hash(), sealedAt).update();
    }

    /** Sealed records after {@code seq}, in chain order. */
    List<AuditRow> sealedAfter(long seq, int limit) {
        return jdbc.sql("SELECT " + AuditRow.COLUMNS + " FROM audit_record WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(seq, limit).query((rs, row) -> AuditRow.of(rs)).list();
    }

    /** A page of the log, newest first (by id: records are listed before they are sealed too). */
    List<AuditRow> page(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + AuditRow.COLUMNS + " FROM audit_record WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.kind() != null) {
            if (filter.kind().endsWith("*")) {
                sql.append(" AND kind LIKE :kind");
                params.put("kind", filter.kind().substring(0, filter.kind().length() - 1).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                sql.append(" AND kind = :kind");
                params.put("kind", filter.kind());
            }
        }
        if (filter.subject() != null) {
            sql.append(" AND (subject_id = :subject OR reference = :subject)");
            params.put("subject", filter.subject());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.beforeId() != null) {
            sql.append(" AND id < :before");
            params.put("before", filter.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.put("limit", filter.limit());
        return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, row) -> AuditRow.of(rs)).list());
    }
}
