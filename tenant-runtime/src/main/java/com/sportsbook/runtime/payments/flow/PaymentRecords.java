package com.sportsbook.runtime.payments.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The payment and payment_event tables of the bound tenant's schema. Callers provide the transaction. */
final class PaymentRecords {

    private final JdbcClient jdbc;

    PaymentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the payment unless its idempotency key exists; true when this call inserted it. */
    boolean insert(Payment payment, String idempotencyKey) {
        return insert(payment, idempotencyKey, null);
    }

    /** @param requestedBy the token subject of who asked (the player), so they can never approve it themselves */
    boolean insert(Payment payment, String idempotencyKey, String requestedBy) {
        return jdbc.sql("""
                INSERT INTO payment (id, kind, player_id, brand, amount, currency, provider, status, initial_status,
                    idempotency_key, request_hash, created_at, updated_at, requested_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(payment.id(), payment.kind(), payment.playerId(), payment.brand(), payment.amount(),
                        payment.currency(), payment.provider(), payment.status(), payment.initialStatus(), idempotencyKey,
                        payment.requestHash(), Timestamp.from(payment.createdAt()), Timestamp.from(payment.updatedAt()),
                        requestedBy)
                .update() == 1;
    }

    /**
     * Makes the player's deposit starts take turns until the caller's transaction ends. Advisory locks are
     * database-wide: the key names the player, whose id no other tenant has.
     */
    void lockDepositStarts(UUID playerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("deposit-start:" + playerId).query().listOfRows();
    }

    /**
     * The sum of the player's deposits in this currency started at or after {@code since} and not settled: pending
     * ones started after {@code expiredBefore}, and processing ones.
     */
    long pendingDeposits(UUID playerId, String currency, Instant since, Instant expiredBefore) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM payment
                WHERE player_id = ? AND kind = 'deposit' AND currency = ? AND created_at >= ?
                  AND (status = 'processing' OR (status = 'pending' AND created_at > ?))""")
                .params(playerId, currency, Timestamp.from(since), Timestamp.from(expiredBefore))
                .query(Long.class).single();
    }

    Optional<Payment> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ? FOR UPDATE").param(id).query(PaymentRecords::map).optional();
    }

    Optional<String> requestedBy(UUID id) {
        return jdbc.sql("SELECT requested_by FROM payment WHERE id = ?").param(id).query(String.class).optional();
    }

    List<Payment> withStatus(String kind, List<String> statuses, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE kind = :kind AND status IN (:statuses) ORDER BY created_at LIMIT :limit")
                .param("kind", kind).param("statuses", statuses).param("limit", limit)
                .query(PaymentRecords::map).list();
    }

    void review(UUID id, String status, List<String> reasons, Instant now) {
        jdbc.sql("UPDATE payment SET status = ?, review_reasons = ?, updated_at = ? WHERE id = ?")
                .params(status, String.join(",", reasons), Timestamp.from(now), id).update();
    }

    Optional<String> reviewReasons(UUID id) {
        return jdbc.sql("SELECT review_reasons FROM payment WHERE id = ?").param(id).query(String.class).optional();
    }

    /** Records a staff decision; false when this staff member has decided on this payment before. */
    boolean decide(UUID paymentId, String staff, String decision, String note, Instant now) {
        return jdbc.sql("""
                INSERT INTO payment_approval (payment_id, staff_subject, decision, note, decided_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (payment_id, staff_subject) DO NOTHING""")
                .params(paymentId, staff, decision, note, Timestamp.from(now)).update() == 1;
    }

    long approvals(UUID paymentId) {
        return jdbc.sql("SELECT count(*) FROM payment_approval WHERE payment_id = ? AND decision = 'approve'")
                .param(paymentId).query(Long.class).single();
    }

    Optional<Payment> byIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE idempotency_key = ?").param(key).query(PaymentRecords::map).optional();
    }

    Optional<Payment> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ?").param(id).query(PaymentRecords::map).optional();
    }

    Optional<Payment> lockByReference(String provider, String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE provider = ? AND provider_reference = ? FOR UPDATE")
                .params(provider, reference).query(PaymentRecords::map).optional();
    }

    List<Payment> ofPlayer(UUID playerId, String kind, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE player_id = ? AND kind = ? ORDER BY created_at DESC LIMIT ?")
                .params(playerId, kind, limit).query(PaymentRecords::map).list();
    }

    void started(UUID id, String reference, String status, String initialStatus, String failureReason, Instant now) {
        jdbc.sql("""
                UPDATE payment SET provider_reference = ?, status = ?, initial_status = ?, failure_reason = ?, updated_at = ?
                WHERE id = ?""")
                .params(reference, status, initialStatus, failureReason, Timestamp.from(now), id).update();
    }

    void moved(UUID id, String status, String failureReason, UUID ledgerTransactionId, Instant now) {
        jdbc.sql("""
                UPDATE payment SET status = ?, failure_reason = COALESCE(?, failure_reason),
                    ledger_transaction_id = COALESCE(?, ledger_transaction_id), updated_at = ? WHERE id = ?""")
                .params(status, failureReason, ledgerTransactionId, Timestamp.from(now), id).update();
    }

    /** The instrument a deposit was paid with, as the provider named it. */
    void paidWith(UUID id, String paymentMethod) {
        if (paymentMethod != null) {
            jdbc.sql("UPDATE payment SET payment_method = ? WHERE id = ?").params(paymentMethod, id).update();
        }
    }

    /** Records a webhook; false when this provider event was recorded before (a redelivery). */
    boolean recordEvent(String provider, String eventId, String type, String reference, String payload, Instant now) {
        return jdbc.sql("""
                INSERT INTO payment_event (provider, provider_event_id, type, provider_reference, outcome, payload, received_at)
                VALUES (?, ?, ?, ?, 'received', ?, ?) ON CONFLICT (provider, provider_event_id) DO NOTHING""")
                .params(provider, eventId, type, reference, payload, Timestamp.from(now)).update() == 1;
    }

    void eventOutcome(String provider, String eventId, UUID paymentId, String outcome) {
        jdbc.sql("UPDATE payment_event SET payment_id = ?, outcome = ? WHERE provider = ? AND provider_event_id = ?")
                .params(paymentId, outcome, provider, eventId).update();
    }

    /** What {@link #map} reads, named (a prepared statement's columns must not depend on the tenant's table). */
    private static final String COLUMNS = "id, kind, player_id, brand, amount, currency, provider, provider_reference, status,"
            + " initial_status, failure_reason, request_hash, ledger_transaction_id, created_at, updated_at";

    private static Payment map(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getObject("player_id", UUID.class),
                rs.getString("brand"), rs.getLong("amount"), rs.getString("currency"), rs.getString("provider"),
                rs.getString("provider_reference"), rs.getString("status"), rs.getString("initial_status"),
                rs.getString("failure_reason"), rs.getString("request_hash"),
                rs.getObject("ledger_transaction_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
