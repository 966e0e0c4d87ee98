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

    /**
     * The oldest records on the work list, in id order (the parameter: how many at most), each looked up by its key.
     * The lateral lookup is what keeps a pass's cost to its own records: as a plain join, a log without statistics (a
     * new tenant's, or on a server without autovacuum) was merge-joined from its first record, so every pass read every
     * record ever written (200 ms a pass in a benchmark, holding one of the runtime's few connections).
     */
    static final String UNSEALED = "SELECT r.id, " + AuditRow.CONTENT + ", NULL::bigint AS seq, NULL AS prev_hash, NULL AS hash,"
            + " NULL::timestamptz AS sealed_at FROM (SELECT record_id FROM audit_unsealed ORDER BY record_id LIMIT ?) u"
            + " CROSS JOIN LATERAL (SELECT id, kind, subject_id, reference, actor, occurred_at, payload FROM audit_record"
            + " WHERE id = u.record_id LIMIT 1) r ORDER BY u.record_id";

    List<AuditRow> unsealed(int limit) {
        return jdbc.sql(UNSEALED).param(limit).query((rs, row) -> AuditRow.of(rs)).list();
    }

    /** Records without a link, whether or not they are on the work list (one taken off it is counted too). */
    long unsealedCount() {
        return jdbc.sql("""
                SELECT count(*) FROM audit_record r WHERE NOT EXISTS (SELECT 1 FROM audit_chain_link l WHERE l.record_id = r.id)""")
                .query(Long.class).single();
    }

    /**
     * Takes these records off the work list and inserts their links, in one statement, and moves the head to the last
     * of them. Records are never updated: a link is a row of its own.
     */
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
                WITH taken AS (DELETE FROM audit_unsealed WHERE record_id = ANY(?::bigint[]) RETURNING record_id)
                INSERT INTO audit_chain_link (seq, record_id, prev_hash, hash, sealed_at)
                SELECT v.seq, v.id, v.prev_hash, v.hash, ?
                FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS v(id, seq, prev_hash, hash)
                JOIN taken ON taken.record_id = v.id
                ORDER BY v.seq""")
                .params(ids, sealedAt, ids, seqs, prevs, hashes).update();
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
        return jdbc.sql("SELECT l.record_id AS id, " + AuditRow.CONTENT + ", " + AuditRow.LINK
                        + " FROM audit_chain_link l LEFT JOIN audit_record r ON r.id = l.record_id WHERE l.seq > ? ORDER BY l.seq LIMIT ?")
                .params(seq, limit).query((rs, row) -> AuditRow.of(rs)).list();
    }

    /** A page of the log, newest first (by id: records are listed before they are sealed too). */
    List<AuditRow> page(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT r.id, " + AuditRow.CONTENT + ", " + AuditRow.LINK
                + " FROM audit_record r LEFT JOIN audit_chain_link l ON l.record_id = r.id WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.kind() != null) {
            if (filter.kind().endsWith("*")) {
                sql.append(" AND r.kind LIKE :kind");
                params.put("kind", filter.kind().substring(0, filter.kind().length() - 1).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                sql.append(" AND r.kind = :kind");
                params.put("kind", filter.kind());
            }
        }
        if (filter.subject() != null) {
            sql.append(" AND (r.subject_id = :subject OR r.reference = :subject)");
            params.put("subject", filter.subject());
        }
        if (filter.from() != null) {
            sql.append(" AND r.occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND r.occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.beforeId() != null) {
            sql.append(" AND r.id < :before");
            params.put("before", filter.beforeId());
        }
        sql.append(" ORDER BY r.id DESC LIMIT :limit");
        params.put("limit", filter.limit());
        return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, row) -> AuditRow.of(rs)).list());
    }
}
