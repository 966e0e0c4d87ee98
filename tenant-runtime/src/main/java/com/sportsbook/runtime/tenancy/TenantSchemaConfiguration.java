package com.sportsbook.runtime.tenancy;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TenantSchemaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TenantSchemaConfiguration.class);
    private static final Duration DIRECTORY_WAIT = Duration.ofSeconds(60);

    @Bean
    TenantSchemaMigrator tenantSchemaMigrator(DataSource dataSource, TenancySettings settings) {
        // migrations set the search_path themselves: the pool forgets those connections' paths
        return new TenantSchemaMigrator(TenantBoundDataSource.of(dataSource).ownPaths(), settings.changelog());
    }

    @Bean
    TenantSchemaUpgrade tenantSchemaUpgrade(TenantSchemaMigrator migrator, TenancySettings settings, Clock clock) {
        return new TenantSchemaUpgrade(migrator, settings.upgradeParallelism(), clock);
    }

    /**
     * On start, before the runtime reports ready, every existing tenant schema is brought to the current changelog
     * (an upgrade deploys new changesets this way).
     */
    @Bean
    ApplicationRunner upgradeTenantSchemasOnStartup(TenancySettings settings, TenantDirectory directory,
            TenantSchemaUpgrade upgrade) {
        return arguments -> {
            if (!settings.upgradeOnStartup()) {
                return;
            }
            long deadline = System.nanoTime() + DIRECTORY_WAIT.toNanos();
            while (!directory.refresh() && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            if (!directory.loaded()) {
                log.error("the control plane's routing directory could not be read within {}s: tenant schemas were not"
                        + " upgraded at start; POST /internal/v1/migrations runs the upgrade later", DIRECTORY_WAIT.toSeconds());
                return;
            }
            upgrade.upgradeAll(directory.tenants());
        };
    }
}
