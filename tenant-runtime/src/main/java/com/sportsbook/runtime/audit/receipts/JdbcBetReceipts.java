package com.sportsbook.runtime.audit.receipts;

import com.sportsbook.runtime.audit.BetReceipt;
import com.sportsbook.runtime.audit.BetReceipts;
import com.sportsbook.runtime.audit.ReceiptKey;
import com.sportsbook.runtime.audit.SignedReceipt;
import com.sportsbook.runtime.audit.log.JdbcAuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Receipts kept in {@code audit_bet_receipt}: written as canonical text in the accepting transaction, with the bet on
 * the signer's work list ({@code audit_unsigned_receipt}, ADR 0031), signed once afterwards (by {@link #signPending}
 * every second, or on first read), and never changed again (a trigger allows the signature's one-time fill only).
 */
public final class JdbcBetReceipts implements BetReceipts {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcAuditTrail trail;
    private final TransactionOperations transactions;
    private final TransactionOperations ownTransaction;
    private final ReceiptSigner signer;
    private final Clock clock;

    /**
     * @param ownTransaction a transaction of its own (requires-new), so that a receipt read inside a read-only
     *     transaction can still be signed
     */
    JdbcBetReceipts(JdbcClient jdbc, JdbcAuditTrail trail, TransactionOperations transactions,
            TransactionOperations ownTransaction, ReceiptSigner signer, Clock clock) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.transactions = transactions;
        this.ownTransaction = ownTransaction;
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public String issue(BetReceipt receipt) {
        String canonical = receipt.canonical();
        JdbcAuditTrail.ReceiptRow row = new JdbcAuditTrail.ReceiptRow(receipt.betId(), receipt.playerId(), canonical,
                Timestamp.from(clock.instant()));
        // in the accepting transaction the row goes with its audit records, in their statement at commit
        if (!trail.keepWithRecords(row)) {
            transactions.executeWithoutResult(status -> jdbc.sql("""
                    WITH receipt AS (
                      INSERT INTO audit_bet_receipt (bet_id, player_id, receipt, issued_at) VALUES (?, ?, ?, ?)
                      ON CONFLICT (bet_id) DO NOTHING
                      RETURNING bet_id)
                    INSERT INTO audit_unsigned_receipt (bet_id) SELECT bet_id FROM receipt""")
                    .params(row.betId(), row.playerId(), canonical, row.issuedAt()).update());
        }
        return canonical;
    }

    @Override
    public Optional<SignedReceipt> forBet(UUID betId) {
        Optional<SignedReceipt> found = transactions.execute(status -> find(betId));
        if (found.isPresent() && found.get().signature() == null) {
            ownTransaction.executeWithoutResult(status -> sign(List.of(found.get())));
            return ownTransaction.execute(status -> find(betId));
        }
        return found;
    }

    /**
     * The oldest entries of the signer's work list (the parameter: how many at most), locked (replicas share the work),
     * each with its receipt looked up by key: a pass reads what it signs, however many receipts were signed before.
     */
    static final String WORK = "SELECT r.bet_id, r.player_id, r.receipt, r.signature, r.key_id, r.issued_at"
            + " FROM (SELECT bet_id FROM audit_unsigned_receipt ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) u"
            + " CROSS JOIN LATERAL (SELECT bet_id, player_id, receipt, signature, key_id, issued_at FROM audit_bet_receipt"
            + " WHERE bet_id = u.bet_id LIMIT 1) r";

    /** Signs the bound tenant's unsigned receipts, oldest first; returns how many. */
    public int signPending() {
        int total = 0;
        while (true) {
            Integer signed = transactions.execute(status -> sign(jdbc.sql(WORK).param(BATCH)
                    .query((rs, row) -> receipt(rs)).list()));
            total += signed == null ? 0 : signed;
            if (signed == null || signed < BATCH) {
                return total;
            }
        }
    }

    /**
     * Takes the receipts off the work list, then fills in their signatures; a receipt signed meanwhile by someone else
     * keeps that (identical) one. The list's entries are locked before the receipts, on every path, so that a pass
     * and a first read signing the same receipt wait for each other instead of deadlocking.
     */
    private int sign(List<SignedReceipt> unsigned) {
        if (unsigned.isEmpty()) {
            return 0;
        }
        String[] bets = new String[unsigned.size()];
        String[] signatures = new String[unsigned.size()];
        for (int i = 0; i < bets.length; i++) {
            bets[i] = unsigned.get(i).betId().toString();
            SignedReceipt receipt = unsigned.get(i);
            // one signed already (its list entry left behind) keeps its signature: the update below skips it
            signatures[i] = receipt.signature() != null ? receipt.signature() : signer.sign(receipt.receipt());
        }
        jdbc.sql("DELETE FROM audit_unsigned_receipt WHERE bet_id = ANY(?::uuid[])").param(bets).update();
        jdbc.sql("""
                UPDATE audit_bet_receipt r SET signature = v.signature, key_id = ?, signed_at = ?
                FROM unnest(?::uuid[], ?::text[]) AS v(bet_id, signature)
                WHERE r.bet_id = v.bet_id AND r.signature IS NULL""")
                .params(signer.publicKey().keyId(), Timestamp.from(clock.instant()), bets, signatures).update();
        return unsigned.size();
    }

    private Optional<SignedReceipt> find(UUID betId) {
        return jdbc.sql(SELECT + " WHERE bet_id = ?").param(betId).query((rs, row) -> receipt(rs)).optional();
    }

    @Override
    public ReceiptKey publicKey() {
        return signer.publicKey();
    }

    private static final String SELECT = "SELECT bet_id, player_id, receipt, signature, key_id, issued_at FROM audit_bet_receipt";

    private static SignedReceipt receipt(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SignedReceipt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                ReceiptSigner.ALGORITHM, rs.getString(5), rs.getTimestamp(6).toInstant());
    }
}
