package com.sportsbook.runtime.wallet.ledger;

import com.sportsbook.commons.sql.RoundTrip;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.TestPools;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real ledger engine on a real PostgreSQL tenant schema, without a Spring context: fast enough for property
 * tests and thousands of concurrent commands. Connections carry the tenant's search_path, as the runtime's do.
 */
final class LedgerHarness implements AutoCloseable {

    static final String BRAND = "main";
    static final Currency EUR = Currency.getInstance("EUR");

    final BoundTenant tenant;
    final HikariDataSource dataSource;
    final JdbcLedger ledger;
    final LedgerChecks checks;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;

    LedgerHarness(int poolSize) {
        TestDatabase database = TestPostgres.freshDatabase();
        String slug = "ledger" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        tenant = BoundTenant.of(slug);
        TestPools.migrateTenant(database, tenant);
        dataSource = new HikariDataSource(TestPools.boundTo(database, tenant, poolSize));
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        ledger = new JdbcLedger(jdbc, transactions, Clock.systemUTC(), AuditTrail.jdbc(jdbc, transactions, Clock.systemUTC()));
        checks = new LedgerChecks(jdbc, manager, Clock.systemUTC());
    }

    <T> T as(Supplier<T> work) {
        return TenantContext.callAs(tenant, work);
    }

    WalletOutcome execute(WalletCommand command) {
        return as(() -> ledger.execute(command));
    }

    /**
     * The transfer as a bet stages it, in a transaction of its own: the account's lock in a first round trip, then the
     * claim and the entry in a second, which runs whatever the outcome (so a refusal is recorded, as by execute).
     */
    WalletOutcome staged(WalletCommand.Transfer transfer) {
        return as(() -> transactions.execute(status -> {
            RoundTrip reads = new RoundTrip(dataSource);
            Wallet.StagedTransfer staged = ledger.stage(transfer, reads);
            reads.run();
            RoundTrip writes = new RoundTrip(dataSource);
            WalletOutcome outcome = staged.post(writes);
            writes.run();
            return outcome;
        }));
    }

    static AccountRef.Player cash(UUID player) {
        return new AccountRef.Player(player, BRAND, EUR, AccountKind.CASH);
    }

    static AccountRef.House house(HouseAccountKind kind) {
        return new AccountRef.House(BRAND, EUR, kind);
    }

    /** A deposit: the PSP's clearing account owes what the player's cash now holds. */
    static WalletCommand.Transfer deposit(String key, UUID player, long amount) {
        return new WalletCommand.Transfer(key, TransactionKind.DEPOSIT,
                List.of(new Posting(cash(player), amount), new Posting(house(HouseAccountKind.PSP_CLEARING), -amount)),
                "psp-" + key, null);
    }

    static WalletCommand.Transfer between(String key, UUID from, UUID to, long amount) {
        return new WalletCommand.Transfer(key, TransactionKind.TRANSFER,
                List.of(new Posting(cash(from), -amount), new Posting(cash(to), amount)), null, null);
    }

    /** A bet's stake: the player's cash to the brand's stakes held. */
    static WalletCommand.Transfer stake(String key, UUID player, long amount) {
        return new WalletCommand.Transfer(key, TransactionKind.STAKE, List.of(new Posting(cash(player), -amount),
                new Posting(house(HouseAccountKind.STAKES_HELD), amount)), "bet-" + key, "stake of bet " + key);
    }

    static WalletCommand.PlaceHold stakeHold(String key, UUID player, long amount) {
        return new WalletCommand.PlaceHold(key, cash(player), amount, house(HouseAccountKind.STAKES_HELD),
                TransactionKind.STAKE, "bet-" + key);
    }

    long balance(UUID player) {
        return as(() -> ledger.balance(cash(player)).balance());
    }

    long available(UUID player) {
        return as(() -> ledger.balance(cash(player)).available());
    }

    /** The ledger's invariant checks, run now on this tenant. */
    LedgerChecks.Result checked() {
        return as(() -> checks.run("on_demand"));
    }

    long transactionCount() {
        return jdbc.sql("SELECT count(*) FROM wallet_transaction").query(Long.class).single();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
