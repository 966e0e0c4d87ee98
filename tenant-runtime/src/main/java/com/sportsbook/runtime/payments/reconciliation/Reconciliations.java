package com.sportsbook.runtime.payments.reconciliation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Imports a provider's settlement report and matches every line to our payment with the same provider reference.
 * Lines that match no payment, or disagree on amount, currency or outcome, become exceptions that finance sees
 * until someone resolves them. The same file imported twice is one run.
 */
public final class Reconciliations {

    public record Run(UUID id, String provider, String fileName, String importedBy, Instant importedAt, int lines,
            int matched, int exceptions) {
    }

    public record Exception(UUID id, UUID runId, int lineNumber, String providerReference, String kind, UUID paymentId,
            String detail, Instant createdAt, Instant resolvedAt, String resolvedBy, String resolution) {
    }

    public sealed interface Result {
        record Imported(Run run, List<Exception> exceptions, boolean replayed) implements Result {
        }

        record Invalid(List<String> problems) implements Result {
        }
    }

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    Reconciliations(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result importReport(String provider, String fileName, String csv, String staff) {
        SettlementReport.Parsed parsed = SettlementReport.parse(csv);
        if (parsed instanceof SettlementReport.Parsed.Problems problems) {
            return new Result.Invalid(problems.problems());
        }
        List<SettlementReport.Line> lines = ((SettlementReport.Parsed.Lines) parsed).lines();
        String hash = sha256(csv.strip());
        return transactions.execute(status -> {
            Optional<UUID> earlier = jdbc.sql("SELECT id FROM reconciliation_run WHERE provider = ? AND content_hash = ?")
                    .params(provider, hash).query(UUID.class).optional();
            if (earlier.isPresent()) {
                return new Result.Imported(run(earlier.get()), exceptionsOf(earlier.get()), true);
            }
            UUID runId = UUID.randomUUID();
            Instant now = clock.instant();
            List<Object[]> found = new ArrayList<>();
            int matched = 0;
            for (SettlementReport.Line line : lines) {
                Optional<Object[]> payment = jdbc.sql("""
                        SELECT id, kind, amount, currency, status FROM payment WHERE provider = ? AND provider_reference = ?""")
                        .params(provider, line.reference())
                        .query((rs, row) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("kind"),
                                rs.getLong("amount"), rs.getString("currency"), rs.getString("status")})
                        .optional();
                Optional<ReconciliationRules.Mismatch> mismatch = ReconciliationRules.compare(line, payment.map(row ->
                        new ReconciliationRules.Known((String) row[1], (Long) row[2], (String) row[3], (String) row[4])));
                if (mismatch.isEmpty()) {
                    matched++;
                } else {
                    found.add(new Object[] {line, payment.map(row -> (UUID) row[0]).orElse(null), mismatch.get()});
                }
            }
            jdbc.sql("""
                    INSERT INTO reconciliation_run (id, provider, file_name, content_hash, imported_by, imported_at, lines,
                        matched, exceptions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, provider, fileName, hash, staff, Timestamp.from(now), lines.size(), matched, found.size())
                    .update();
            for (Object[] exception : found) {
                SettlementReport.Line line = (SettlementReport.Line) exception[0];
                ReconciliationRules.Mismatch mismatch = (ReconciliationRules.Mismatch) exception[2];
                jdbc.sql("""
                        INSERT INTO reconciliation_exception (id, run_id, line_number, provider_reference, kind, payment_id,
                            detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(UUID.randomUUID(), runId, line.number(), line.reference(), mismatch.kind(), exception[1],
                                mismatch.detail(), Timestamp.from(now))
                        .update();
            }
            return new Result.Imported(run(runId), exceptionsOf(runId), false);
        });
    }

    public List<Exception> openExceptions(int limit) {
        return transactions.execute(status -> jdbc.sql(
                "SELECT " + EXCEPTION_COLUMNS + " FROM reconciliation_exception WHERE resolved_at IS NULL ORDER BY created_at, line_number LIMIT ?")
                .param(limit).query(Reconciliations::exception).list());
    }

    /** Marks an exception resolved with what was done about it; false when it does not exist or was resolved. */
    public boolean resolve(UUID exceptionId, String staff, String resolution) {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql("""
                UPDATE reconciliation_exception SET resolved_at = ?, resolved_by = ?, resolution = ?
                WHERE id = ? AND resolved_at IS NULL""")
                .params(Timestamp.from(clock.instant()), staff, resolution, exceptionId).update() == 1));
    }

    private Run run(UUID id) {
        return jdbc.sql("SELECT id, provider, file_name, imported_by, imported_at, lines, matched, exceptions"
                + " FROM reconciliation_run WHERE id = ?").param(id)
                .query((rs, row) -> new Run(rs.getObject("id", UUID.class), rs.getString("provider"), rs.getString("file_name"),
                        rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant(), rs.getInt("lines"),
                        rs.getInt("matched"), rs.getInt("exceptions")))
                .single();
    }

    private List<Exception> exceptionsOf(UUID runId) {
        return jdbc.sql("SELECT " + EXCEPTION_COLUMNS + " FROM reconciliation_exception WHERE run_id = ? ORDER BY line_number").param(runId)
                .query(Reconciliations::exception).list();
    }

    /** What {@link #exception} reads, named (a prepared statement's columns must not depend on the tenant's table). */
    private static final String EXCEPTION_COLUMNS = "id, run_id, line_number, provider_reference, kind, payment_id, detail,"
            + " created_at, resolved_at, resolved_by, resolution";

    private static Exception exception(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Exception(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class), rs.getInt("line_number"),
                rs.getString("provider_reference"), rs.getString("kind"), rs.getObject("payment_id", UUID.class),
                rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"), rs.getString("resolution"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
