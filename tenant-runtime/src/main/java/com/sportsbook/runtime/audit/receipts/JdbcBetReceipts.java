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
 * Receipts kept in {@code audit_bet_receipt}: written as canonical text in the accepting transaction, signed once
 * afterwards (by {@link #signPending} every second, or on first read), and never changed again (a trigger allows the
 * signature's one-time fill only).
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
                    INSERT INTO audit_bet_receipt (bet_id, player_id, receipt, issued_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (bet_id) DO NOTHING""")
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

    /** Signs the bound tenant's unsigned receipts, oldest first; returns how many. */
    public int signPending() {
        int total = 0;
        while (true) {
            Integer signed = transactions.execute(status -> sign(jdbc.sql(SELECT
                    + " WHERE signature IS NULL ORDER BY issued_at LIMIT ? FOR UPDATE SKIP LOCKED")
                    .param(BATCH).query((rs, row) -> receipt(rs)).list()));
            total += signed == null ? 0 : signed;
            if (signed == null || signed < BATCH) {
                return total;
            }
        }
    }

    /** Fills in the signatures in one statement; a receipt signed meanwhile by someone else keeps that (identical) one. */
    private int sign(List<SignedReceipt> unsigned) {
        if (unsigned.isEmpty()) {
            return 0;
        }
        String[] bets = new String[unsigned.size()];
        String[] signatures = new String[unsigned.size()];
        for (int i = 0; i < bets.length; i++) {
            bets[i] = unsigned.get(i).betId().toString();
            signatures[i] = signer.sign(unsigned.get(i).receipt());
        }
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
