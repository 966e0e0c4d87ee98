package com.sportsbook.runtime.catalog.ingest;

import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingestion writes plain SQL on the JPA transaction's connection (on the bound tenant's schema), one lane per
 * tenant at a time from a small pool ({@code runtime.catalog.ingestion-threads}), and publishes committed changes as
 * application events.
 */
@Configuration
class IngestionConfiguration {

    @Bean
    MarginRules marginRules(DataSource dataSource) {
        return new MarginRules(JdbcClient.create(dataSource));
    }

    @Bean
    TenantCatalogWriter tenantCatalogWriter(DataSource dataSource, MarginRules margins) {
        return new TenantCatalogWriter(JdbcClient.create(dataSource), margins);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService catalogIngestionLanes(@Value("${runtime.catalog.ingestion-threads:4}") int threads) {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("catalog-ingestion-", 0).daemon().factory());
    }

    @Bean
    CatalogIngestion catalogIngestion(ActiveTenants tenants, TenantCatalogWriter writer,
            PlatformTransactionManager transactions, ExecutorService catalogIngestionLanes,
            ApplicationEventPublisher events, Clock clock) {
        return new CatalogIngestion(tenants, writer, new TransactionTemplate(transactions), catalogIngestionLanes,
                events::publishEvent, clock);
    }
}
