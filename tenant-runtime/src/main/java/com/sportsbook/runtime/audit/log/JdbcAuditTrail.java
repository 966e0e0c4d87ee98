package com.sportsbook.runtime.audit.log;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.sql.CommitRides;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.audit.CanonicalJson;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends records to the bound tenant's {@code audit_record} in the caller's transaction, all of a transaction's
 * records in one statement that goes to PostgreSQL with its COMMIT ({@link CommitRides}: no round trip of its own),
 * or a transaction of its own when there is none; the statement also puts each on the sealer's work list ({@code audit_unsealed}). No chain state is read or locked here, so concurrent
 * writers never wait on each other; {@link AuditSealer} chains the record after it commits.
 */
public final class JdbcAuditTrail implements AuditTrail {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    public JdbcAuditTrail(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void record(AuditEntry entry) {
        Row row = row(entry);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().rows.add(row);
        } else {
            transactions.executeWithoutResult(status -> insertNow(List.of(row)));
        }
    }

    private record Row(String kind, String subject, String reference, String actor, Timestamp at, String payload) {
    }

    /** A bet receipt's row ({@code audit_bet_receipt}), as its canonical text; signed later (ADR 0016). */
    public record ReceiptRow(UUID betId, UUID playerId, String receipt, Timestamp issuedAt) {
    }

    /**
     * Writes the receipt with the records of the current transaction, in their statement just before it commits (a
     * receipt the bet has already is kept, not replaced); false when no transaction is active, and nothing is kept.
     */
    public boolean keepWithRecords(ReceiptRow receipt) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        pending().receipts.add(receipt);
        return true;
    }

    private Row row(AuditEntry entry) {
        String payload = CanonicalJson.write(entry.payload());
        // microseconds: what PostgreSQL keeps, so the time hashed later is the time written now
        Instant at = (entry.occurredAt() == null ? clock.instant() : entry.occurredAt()).truncatedTo(ChronoUnit.MICROS);
        String actor = entry.actor() == null || entry.actor().isBlank() ? currentActor() : entry.actor();
        return new Row(cut(entry.kind(), 60), cut(entry.subject(), 200), cut(entry.reference(), 200), cut(actor, 200),
                Timestamp.from(at), payload);
    }

    /**
     * The records of the current transaction, written together just before it commits (one statement, in the order
     * they were recorded): the action and its records still commit or roll back as one. The list lives in the
     * transaction's own synchronization, so a transaction started inside another (REQUIRES_NEW) keeps its records to
     * itself: they commit with it, not with the outer one.
     */
    private PendingRecords pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingRecords records && records.trail == this) {
                return records;
            }
        }
        PendingRecords created = new PendingRecords(this);
        TransactionSynchronizationManager.registerSynchronization(created);
        return created;
    }

    /** A transaction's records, and the receipts they carry, waiting for its commit. */
    private static final class PendingRecords implements TransactionSynchronization {
        private final JdbcAuditTrail trail;
        private final List<Row> rows = new ArrayList<>();
        private final List<ReceiptRow> receipts = new ArrayList<>();

        PendingRecords(JdbcAuditTrail trail) {
            this.trail = trail;
        }

        /** The records' statement goes with the COMMIT where the transaction manager takes it, else now. */
        @Override
        public void beforeCommit(boolean readOnly) {
            if (rows.isEmpty() && receipts.isEmpty()) {
                return;
            }
            Insert insert = receipts.isEmpty() ? insert(rows) : insert(rows, receipts);
            if (!CommitRides.ride(insert.sql(), insert.params())) {
                trail.jdbc.sql(insert.sql()).params(insert.params()).update();
            }
        }
    }

    /** One statement writing records (and receipts), with its parameters. */
    private record Insert(String sql, List<Object> params) {
    }

    /** Inserts the records (in the order given) and puts each on the sealer's work list, in one statement. */
    private static final String RECORDS = """
            records AS (
              INSERT INTO audit_record (kind, subject_id, reference, actor, occurred_at, payload)
              SELECT r.kind, r.subject_id, r.reference, r.actor, r.occurred_at::timestamptz, r.payload
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                AS r(kind, subject_id, reference, actor, occurred_at, payload, n)
              ORDER BY r.n
              RETURNING id)
            INSERT INTO audit_unsealed (record_id) SELECT id FROM records""";

    private void insertNow(List<Row> rows) {
        Insert insert = insert(rows);
        jdbc.sql(insert.sql()).params(insert.params()).update();
    }

    private static Insert insert(List<Row> rows) {
        if (rows.size() == 1) {
            Row row = rows.getFirst();
            return new Insert("""
                    WITH record AS (
                      INSERT INTO audit_record (kind, subject_id, reference, actor, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)
                      RETURNING id)
                    INSERT INTO audit_unsealed (record_id) SELECT id FROM record""",
                    java.util.Arrays.asList(row.kind(), row.subject(), row.reference(), row.actor(), row.at(), row.payload()));
        }
        return new Insert("WITH " + RECORDS, recordColumns(rows));
    }

    /**
     * The receipts, their places on the signer's work list and the records in one statement (a receipt is never kept
     * without the record that carries it; one kept already is neither replaced nor listed again).
     */
    private static Insert insert(List<Row> rows, List<ReceiptRow> receipts) {
        List<Object> params = new ArrayList<>(List.of(
                receipts.stream().map(receipt -> receipt.betId().toString()).toArray(String[]::new),
                receipts.stream().map(receipt -> receipt.playerId().toString()).toArray(String[]::new),
                receipts.stream().map(ReceiptRow::receipt).toArray(String[]::new),
                receipts.stream().map(receipt -> receipt.issuedAt().toInstant().toString()).toArray(String[]::new)));
        params.addAll(recordColumns(rows));
        return new Insert("""
                WITH receipt AS (
                  INSERT INTO audit_bet_receipt (bet_id, player_id, receipt, issued_at)
                  SELECT r.bet_id, r.player_id, r.receipt, r.issued_at::timestamptz
                  FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) AS r(bet_id, player_id, receipt, issued_at)
                  ON CONFLICT (bet_id) DO NOTHING
                  RETURNING bet_id),
                unsigned AS (
                  INSERT INTO audit_unsigned_receipt (bet_id) SELECT bet_id FROM receipt),
                """ + RECORDS, params);
    }

    private static List<Object> recordColumns(List<Row> rows) {
        return List.of(column(rows, Row::kind), column(rows, Row::subject), column(rows, Row::reference),
                column(rows, Row::actor), column(rows, row -> row.at().toInstant().toString()), column(rows, Row::payload));
    }

    private static String[] column(List<Row> rows, java.util.function.Function<Row, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /** Who is calling: the signed-in account (its username, else its subject), or {@code system} for background work. */
    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return RealmTokens.actor(token.getToken());
        }
        return SYSTEM;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
