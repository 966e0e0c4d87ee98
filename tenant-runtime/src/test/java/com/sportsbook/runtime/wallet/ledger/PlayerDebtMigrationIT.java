package com.sportsbook.runtime.wallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tenant whose ledger has accounts before player debt ships: its accounts migrate to owing nothing. */
class PlayerDebtMigrationIT {

    private static final String BEFORE_DEBT = "db/wallet-before-player-debt/changelog.yaml";
    private static final String SHIPPED = "db/tenant/changelog.yaml";

    @Test
    void existingPlayerAccountsOweNothingAndHouseAccountsHaveNoDebtAfterTheUpgrade() {
        TestDatabase database = TestPostgres.freshDatabase();
        TenantSlug tenant = new TenantSlug("debtupgrade");
        String schema = tenant.schema().quoted();
        UUID player = UUID.randomUUID();
        UUID playerAccount = UUID.randomUUID();
        UUID houseAccount = UUID.randomUUID();
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(database.jdbcUrl());
            dataSource.setUsername(database.user());
            dataSource.setPassword(database.password());
            dataSource.setMaximumPoolSize(2);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            new TenantSchemaMigrator(dataSource, BEFORE_DEBT).createSchema(tenant);
            new TenantSchemaMigrator(dataSource, BEFORE_DEBT).migrate(tenant);
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("INSERT INTO " + schema + """
                    .wallet_account (id, owner, player_id, brand, currency, kind, balance, held, created_at)
                    VALUES (?, 'player', ?, 'main', 'EUR', 'cash', 500, 100, ?)""")
                    .params(playerAccount, player, now).update();
            jdbc.sql("INSERT INTO " + schema + """
                    .wallet_account (id, owner, brand, currency, kind, created_at)
                    VALUES (?, 'house', 'main', 'EUR', 'psp_clearing', ?)""")
                    .params(houseAccount, now).update();

            new TenantSchemaMigrator(dataSource, SHIPPED).migrate(tenant);

            assertThat(jdbc.sql("SELECT debt FROM " + schema + ".wallet_account WHERE id = ?").param(playerAccount)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT debt IS NULL FROM " + schema + ".wallet_account WHERE id = ?").param(houseAccount)
                    .query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("INSERT INTO " + schema + """
                    .wallet_account (id, owner, brand, currency, kind, debt, created_at)
                    VALUES (?, 'house', 'main', 'EUR', 'player_debt', NULL, ?)""")
                    .params(UUID.randomUUID(), now).update()).as("the player debt account may be opened").isEqualTo(1);
        }
    }
}
