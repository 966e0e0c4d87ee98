package com.sportsbook.runtime.tenancy;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param controlPlaneUrl where the routing directory is published
 * @param internalToken the service token for /internal calls, both ways
 * @param gatewaySigningSecret the secret the gateway signs tenant headers with (at least 32 bytes)
 * @param contextMaxAge how old a signed tenant context may be
 * @param directoryRefresh how often the routing directory is polled
 * @param changelog the tenant schema's Liquibase changelog
 * @param upgradeOnStartup whether every existing tenant schema is migrated when the runtime starts
 * @param upgradeParallelism how many schemas migrate at once
 */
@ConfigurationProperties("runtime.tenancy")
record TenancySettings(
        URI controlPlaneUrl,
        String internalToken,
        String gatewaySigningSecret,
        Duration contextMaxAge,
        Duration directoryRefresh,
        String changelog,
        boolean upgradeOnStartup,
        int upgradeParallelism) {
}
