package com.sportsbook.runtime.payments.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.payments.DepositStartRequest;
import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.payments.PayoutRequest;
import com.sportsbook.runtime.payments.ProviderStart;
import com.sportsbook.runtime.payments.RefundRequest;
import com.sportsbook.runtime.payments.WebhookVerification;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A provider that is down when a withdrawal is approved: the money stays locked, the withdrawal stays requested,
 * and the retry hands it over once the provider is back, exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithdrawalRetriesIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new TenantSlug("retries"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 4);
        registry.add("runtime.payments.provider", () -> "flaky");
    }

    /** Stands in for a PSP behind the SPI: down until told otherwise, then accepts payouts and records them. */
    static final class FlakyProvider implements PaymentProvider {
        volatile boolean up;
        final List<UUID> payouts = new ArrayList<>();

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public ProviderStart startDeposit(DepositStartRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized ProviderStart startPayout(PayoutRequest request) {
            if (!up) {
                throw new IllegalStateException("connection refused");
            }
            payouts.add(request.paymentId());
            return new ProviderStart.Pending("po_" + request.paymentId(), null);
        }

        @Override
        public ProviderStart refund(RefundRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WebhookVerification verify(String tenant, byte[] rawBody, Map<String, String> headers) {
            return new WebhookVerification.Forged("not used");
        }
    }

    @TestConfiguration
    static class Provider {
        @Bean
        FlakyProvider flakyProvider() {
            return new FlakyProvider();
        }
    }

    @Autowired
    Withdrawals withdrawals;

    @Autowired
    Wallet wallet;

    @Autowired
    FlakyProvider provider;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    /** Withdrawals wait for a verified identity: compliance's KYC answers payments' {@code WithdrawalGate}. */
    private void verifiedByKyc(UUID player) {
        TestTenants.inTransaction(TENANT, transactions, () -> JdbcClient.create(dataSource).sql("""
                INSERT INTO kyc_case (id, player_id, brand, state, required, requested_at, expires_at, opened_at, updated_at)
                VALUES (?, ?, 'main', 'verified', 'identity', now(), now() + interval '1 year', now(), now())""")
                .params(UUID.randomUUID(), player).update());
    }

    @BeforeAll
    void createSchema() {
        migrator.createSchema(TENANT.slug());
        migrator.migrate(TENANT.slug());
    }

    private long balance(UUID player, AccountKind kind) {
        return TenantContext.callAs(TENANT, () -> wallet.balance(new AccountRef.Player(player, "main", EUR, kind)).balance());
    }

    @Test
    void aWithdrawalApprovedWhileTheProviderIsDownIsHandedOverOnceItIsBack() {
        UUID player = UUID.randomUUID();
        verifiedByKyc(player);
        TenantContext.runAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer(UUID.randomUUID().toString(),
                TransactionKind.DEPOSIT, List.of(new Posting(new AccountRef.Player(player, "main", EUR, AccountKind.CASH), 5_000),
                        new Posting(new AccountRef.House("main", EUR, HouseAccountKind.PSP_CLEARING), -5_000)), null, null)));

        Withdrawals.Result result = TenantContext.callAs(TENANT, () -> withdrawals.request(new Withdrawals.Command(player,
                "player-subject", "main", "retries.localhost", 2_000, "EUR", "key-1")));
        UUID id = ((Withdrawals.Result.Accepted) result).payment().id();
        String whileDown = TenantContext.callAs(TENANT, () -> withdrawals.find(id).orElseThrow().status());
        int retriedWhileDown = TenantContext.callAs(TENANT, () -> withdrawals.retryUnsent(Instant.now().plusSeconds(1), brand -> "h"));
        provider.up = true;
        int retried = TenantContext.callAs(TENANT, () -> withdrawals.retryUnsent(Instant.now().plusSeconds(1), brand -> "h"));
        int retriedAgain = TenantContext.callAs(TENANT, () -> withdrawals.retryUnsent(Instant.now().plusSeconds(1), brand -> "h"));

        assertThat(whileDown).isEqualTo(Withdrawals.REQUESTED);
        assertThat(retriedWhileDown).isEqualTo(1);
        assertThat(retried).isEqualTo(1);
        assertThat(retriedAgain).as("once sent, nothing is left to retry").isZero();
        assertThat(provider.payouts).containsExactly(id);
        assertThat(TenantContext.callAs(TENANT, () -> withdrawals.find(id).orElseThrow().status())).isEqualTo(Withdrawals.SENT);
        assertThat(balance(player, AccountKind.CASH)).isEqualTo(3_000);
        assertThat(balance(player, AccountKind.LOCKED)).isEqualTo(2_000);
    }
}
