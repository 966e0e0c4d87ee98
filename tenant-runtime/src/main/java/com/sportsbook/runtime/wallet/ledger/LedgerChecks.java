package com.sportsbook.runtime.wallet.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger proving itself for the bound tenant: every transaction sums to zero per currency, every player
 * balance equals the sum of its postings, every account's held amount equals its pending holds, every posting
 * is in its account's currency, every player account's debt equals the sum of its debt movements, and per brand and
 * currency the players' debts add up to minus the player debt account's postings. The checks read one snapshot (repeatable read), so commands running meanwhile
 * cannot cause false alarms; the result is recorded.
 */
public final class LedgerChecks {

    private static final int MAX_FINDINGS = 50;

    public record Result(UUID id, String trigger, Instant startedAt, Instant finishedAt, long transactionsChecked,
            long accountsChecked, int unbalancedTransactions, int mismatchedBalances, int mismatchedHolds,
            boolean passed, List<String> findings) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate write;
    private final Clock clock;

    LedgerChecks(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.write = new TransactionTemplate(transactions);
    }

    public Result run(String trigger) {
        Instant started = clock.instant();
        Result measured = snapshot.execute(status -> measure(trigger, started));
        write.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO wallet_check (id, trigger, started_at, finished_at, transactions_checked, accounts_checked,
                    unbalanced_transactions, mismatched_balances, mismatched_holds, passed, findings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(measured.id(), measured.trigger(), Timestamp.from(measured.startedAt()),
                        Timestamp.from(measured.finishedAt()), measured.transactionsChecked(), measured.accountsChecked(),
                        measured.unbalancedTransactions(), measured.mismatchedBalances(), measured.mismatchedHolds(),
                        measured.passed(), String.join("\n", measured.findings()))
                .update());
        return measured;
    }

    public List<Result> recent(int limit) {
        return write.execute(status -> jdbc.sql("SELECT id, trigger, started_at, finished_at, transactions_checked, accounts_checked,"
                + " unbalanced_transactions, mismatched_balances, mismatched_holds, passed, findings FROM wallet_check ORDER BY started_at DESC LIMIT ?").param(limit)
                .query((rs, row) -> new Result(rs.getObject("id", UUID.class), rs.getString("trigger"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                        rs.getLong("transactions_checked"), rs.getLong("accounts_checked"),
                        rs.getInt("unbalanced_transactions"), rs.getInt("mismatched_balances"),
                        rs.getInt("mismatched_holds"), rs.getBoolean("passed"),
                        rs.getString("findings").isEmpty() ? List.of() : Arrays.asList(rs.getString("findings").split("\n"))))
                .list());
    }

    private Result measure(String trigger, Instant started) {
        List<String> findings = new ArrayList<>();
        long transactions = jdbc.sql("SELECT count(*) FROM wallet_transaction").query(Long.class).single();
        long accounts = jdbc.sql("SELECT count(*) FROM wallet_account").query(Long.class).single();
        List<String> unbalanced = jdbc.sql("""
                SELECT transaction_id, currency, SUM(amount) AS total FROM wallet_posting
                GROUP BY transaction_id, currency HAVING SUM(amount) <> 0""")
                .query((rs, row) -> "transaction " + rs.getString("transaction_id") + " sums to " + rs.getLong("total")
                        + " " + rs.getString("currency"))
                .list();
        List<String> balances = jdbc.sql("""
                SELECT a.id, a.balance, COALESCE(s.total, 0) AS total FROM wallet_account a
                LEFT JOIN (SELECT account_id, SUM(amount) AS total FROM wallet_posting GROUP BY account_id) s
                  ON s.account_id = a.id
                WHERE a.owner = 'player' AND a.balance <> COALESCE(s.total, 0)""")
                .query((rs, row) -> "account " + rs.getString("id") + " shows " + rs.getLong("balance")
                        + " but its postings sum to " + rs.getLong("total"))
                .list();
        List<String> holds = jdbc.sql("""
                SELECT a.id, a.held, COALESCE(h.total, 0) AS total FROM wallet_account a
                LEFT JOIN (SELECT account_id, SUM(amount) AS total FROM wallet_hold WHERE status = 'pending'
                           GROUP BY account_id) h ON h.account_id = a.id
                WHERE a.owner = 'player' AND a.held <> COALESCE(h.total, 0)""")
                .query((rs, row) -> "account " + rs.getString("id") + " holds " + rs.getLong("held")
                        + " but its pending holds sum to " + rs.getLong("total"))
                .list();
        List<String> currencies = jdbc.sql("""
                SELECT p.id FROM wallet_posting p JOIN wallet_account a ON a.id = p.account_id
                WHERE p.currency <> a.currency LIMIT 50""")
                .query((rs, row) -> "posting " + rs.getLong("id") + " is not in its account's currency").list();
        // a house account has no debt (NULL), so any movement booked on one is reported too
        List<String> debts = jdbc.sql("""
                SELECT a.id, COALESCE(a.debt, 0) AS debt, COALESCE(m.total, 0) AS total FROM wallet_account a
                LEFT JOIN (SELECT account_id, SUM(amount) AS total FROM wallet_debt_movement GROUP BY account_id) m
                  ON m.account_id = a.id
                WHERE COALESCE(a.debt, 0) <> COALESCE(m.total, 0)""")
                .query((rs, row) -> "account " + rs.getString("id") + " owes " + rs.getLong("debt")
                        + " but its debt movements sum to " + rs.getLong("total"))
                .list();
        List<String> debtAccounts = jdbc.sql("""
                WITH owed AS (
                  SELECT brand, currency, SUM(debt) AS total FROM wallet_account
                  WHERE owner = 'player' GROUP BY brand, currency HAVING SUM(debt) <> 0),
                booked AS (
                  SELECT a.brand, a.currency, -SUM(p.amount) AS total FROM wallet_posting p
                  JOIN wallet_account a ON a.id = p.account_id
                  WHERE a.owner = 'house' AND a.kind = 'player_debt' GROUP BY a.brand, a.currency)
                SELECT brand, currency, COALESCE(o.total, 0) AS owed, COALESCE(b.total, 0) AS booked
                FROM owed o FULL JOIN booked b USING (brand, currency)
                WHERE COALESCE(o.total, 0) <> COALESCE(b.total, 0)""")
                .query((rs, row) -> "players of brand " + rs.getString("brand") + " owe " + rs.getLong("owed") + " "
                        + rs.getString("currency") + " but the player debt account books " + rs.getLong("booked") + " owed")
                .list();
        for (List<String> found : List.of(unbalanced, balances, debts, debtAccounts, holds, currencies)) {
            found.stream().limit(MAX_FINDINGS - findings.size()).forEach(findings::add);
        }
        boolean passed = unbalanced.isEmpty() && balances.isEmpty() && debts.isEmpty() && debtAccounts.isEmpty()
                && holds.isEmpty() && currencies.isEmpty();
        return new Result(UUID.randomUUID(), trigger, started, clock.instant(), transactions, accounts,
                unbalanced.size(), balances.size() + debts.size() + debtAccounts.size(), holds.size() + currencies.size(),
                passed, List.copyOf(findings));
    }
}
