package com.sportsbook.runtime.audit.log;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verification of the bound tenant's chain on demand: everything committed is sealed first, then the whole chain is
 * walked in one snapshot, and the result (intact, or the first bad record and why) is kept with who asked.
 */
public final class AuditVerifications {

    public record Verification(UUID id, String requestedBy, Instant startedAt, Instant finishedAt, long recordsChecked,
            long lastSeq, String lastHash, long unsealed, boolean intact, String problem, Long firstBadSeq,
            Long firstBadRecordId, String detail) {
    }

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final AuditSealer sealer;
    private final TransactionOperations transactions;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    AuditVerifications(JdbcClient jdbc, AuditChain chain, AuditSealer sealer, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.sealer = sealer;
        this.transactions = transactions;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    /** Seals what is committed, verifies the chain and keeps the result. */
    public Verification run(String requestedBy) {
        Instant started = clock.instant();
        sealer.seal();
        ChainWalk.Result walked = snapshot.execute(status -> ChainWalk.verify(chain));
        ChainVerifier.Finding finding = walked.finding();
        Verification verification = new Verification(UUID.randomUUID(), requestedBy, started, clock.instant(),
                walked.recordsChecked(), walked.lastSeq(), walked.lastHash(), walked.unsealed(), walked.intact(),
                finding == null ? null : finding.problem(), finding == null ? null : finding.seq(),
                finding == null ? null : finding.recordId(), finding == null ? null : cut(finding.detail()));
        transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO audit_verification (id, requested_by, started_at, finished_at, records_checked, last_seq, last_hash,
                  unsealed, intact, problem, first_bad_seq, first_bad_record_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(verification.id(), cut(requestedBy), Timestamp.from(verification.startedAt()),
                        Timestamp.from(verification.finishedAt()), verification.recordsChecked(), verification.lastSeq(),
                        verification.lastHash(), verification.unsealed(), verification.intact(), verification.problem(),
                        verification.firstBadSeq(), verification.firstBadRecordId(), verification.detail())
                .update());
        return verification;
    }

    /** The latest verifications, newest first (in the caller's transaction). */
    public List<Verification> recent(int limit) {
        return jdbc.sql("""
                SELECT id, requested_by, started_at, finished_at, records_checked, last_seq, last_hash, unsealed, intact, problem,
                  first_bad_seq, first_bad_record_id, detail FROM audit_verification ORDER BY started_at DESC LIMIT ?""")
                .param(limit)
                .query((rs, row) -> new Verification(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getLong(8),
                        rs.getBoolean(9), rs.getString(10), rs.getObject(11, Long.class), rs.getObject(12, Long.class),
                        rs.getString(13)))
                .list();
    }

    private static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
