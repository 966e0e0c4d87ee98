package com.sportsbook.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.notices.NoticeBoard;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.NoTenantBoundException;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Schema-per-tenant isolation on one pooled connection: the pool holds a single connection, so tenant A's work and
 * tenant B's work run on the very same connection, one after the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant ALPHA = new BoundTenant(new TenantSlug("alpha"), "alpha-main");
    private static final BoundTenant BETA = new BoundTenant(new TenantSlug("beta"), "beta-main");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 1);
    }

    @Autowired
    NoticeBoard notices;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    void createTenantSchemas() {
        for (BoundTenant tenant : new BoundTenant[] {ALPHA, BETA}) {
            migrator.createSchema(tenant.slug());
            migrator.migrate(tenant.slug());
        }
    }

    @Test
    void thePoolReallyHasOneConnection() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(1);
    }

    @Test
    void rowsWrittenForOneTenantAreInvisibleToAnotherOnTheSameConnection() {
        TenantContext.runAs(ALPHA, () -> notices.publish("Alpha maintenance", "Sunday 02:00 UTC"));

        var seenByBeta = TenantContext.callAs(BETA, () -> notices.latest(50));
        var seenByAlpha = TenantContext.callAs(ALPHA, () -> notices.latest(50));
        TenantContext.runAs(BETA, () -> notices.publish("Beta promo", "Free bet"));
        var seenByAlphaAfterBetaWrote = TenantContext.callAs(ALPHA, () -> notices.latest(50));

        assertThat(seenByBeta).isEmpty();
        assertThat(seenByAlpha).extracting(NoticeBoard.NoticeView::title).contains("Alpha maintenance");
        assertThat(seenByAlphaAfterBetaWrote).extracting(NoticeBoard.NoticeView::title).doesNotContain("Beta promo");
    }

    @Test
    void aRowOfAnotherTenantCannotBeReadEvenByItsId() {
        var alphaNotice = TenantContext.callAs(ALPHA, () -> notices.publish("Alpha only", "Secret"));

        assertThat(TenantContext.callAs(BETA, () -> notices.find(alphaNotice.id()))).isEmpty();
        assertThat(TenantContext.callAs(ALPHA, () -> notices.find(alphaNotice.id()))).isPresent();
    }

    @Test
    void workWithoutABoundTenantFailsInsteadOfFallingBackToAnySchema() {
        assertThatThrownBy(() -> notices.latest(10)).hasRootCauseInstanceOf(NoTenantBoundException.class);
    }

    @Test
    void aTenantWithoutASchemaFailsCleanlyAndSeesNoOtherTenantsRows() {
        BoundTenant ghost = new BoundTenant(new TenantSlug("ghost"), "ghost-main");

        assertThatThrownBy(() -> TenantContext.callAs(ghost, () -> notices.latest(10)))
                .hasMessageContaining("notice");
    }

    @Test
    void theConnectionThatServedATenantIsHandedOutPointingAtNoTenantWhenNoneIsBound() throws Exception {
        TenantContext.runAs(ALPHA, () -> notices.latest(1));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW search_path")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("\"\"");
        }
    }
}
