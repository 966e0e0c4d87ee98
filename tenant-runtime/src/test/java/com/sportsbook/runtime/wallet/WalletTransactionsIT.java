package com.sportsbook.runtime.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.notices.NoticeBoard;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wallet inside the runtime: its SQL joins the caller's JPA transaction on the bound tenant's schema, so a
 * domain write (later: a bet) and its money movement commit or roll back together, and tenants stay apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletTransactionsIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant ALPHA = new BoundTenant(new TenantSlug("walleta"), "main");
    private static final BoundTenant BETA = new BoundTenant(new TenantSlug("walletb"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 2);
    }

    @Autowired
    Wallet wallet;

    @Autowired
    NoticeBoard notices;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    void createTenantSchemas() {
        for (BoundTenant tenant : List.of(ALPHA, BETA)) {
            migrator.createSchema(tenant.slug());
            migrator.migrate(tenant.slug());
        }
    }

    private static WalletCommand deposit(UUID player, long amount) {
        return new WalletCommand.Transfer(UUID.randomUUID().toString(), TransactionKind.DEPOSIT, List.of(
                new Posting(new AccountRef.Player(player, "main", EUR, AccountKind.CASH), amount),
                new Posting(new AccountRef.House("main", EUR, HouseAccountKind.PSP_CLEARING), -amount)), null, null);
    }

    private long balance(BoundTenant tenant, UUID player) {
        return TenantContext.callAs(tenant, () ->
                wallet.balance(new AccountRef.Player(player, "main", EUR, AccountKind.CASH)).balance());
    }

    @Test
    void aMoneyMovementRollsBackWithTheJpaWorkItWasPartOf() {
        UUID player = UUID.randomUUID();
        TransactionTemplate template = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> TenantContext.runAs(ALPHA, () -> template.executeWithoutResult(status -> {
            notices.publish("Doomed", "rolled back");
            wallet.execute(deposit(player, 500));
            throw new IllegalStateException("the bet could not be recorded");
        }))).hasMessageContaining("could not be recorded");
        TenantContext.runAs(ALPHA, () -> template.executeWithoutResult(status -> {
            notices.publish("Kept", "committed");
            wallet.execute(deposit(player, 300));
        }));

        assertThat(balance(ALPHA, player)).isEqualTo(300);
        assertThat(TenantContext.callAs(ALPHA, () -> notices.latest(50))).extracting(NoticeBoard.NoticeView::title)
                .contains("Kept").doesNotContain("Doomed");
    }

    @Test
    void oneTenantsLedgerIsInvisibleToAnother() {
        UUID player = UUID.randomUUID();

        TenantContext.runAs(ALPHA, () -> wallet.execute(deposit(player, 900)));

        assertThat(balance(ALPHA, player)).isEqualTo(900);
        assertThat(balance(BETA, player)).isZero();
        assertThat(TenantContext.callAs(BETA, () -> wallet.statement(new Statement.Query(player, "main", null, null,
                null, null, null, 10))).lines()).isEmpty();
    }
}
