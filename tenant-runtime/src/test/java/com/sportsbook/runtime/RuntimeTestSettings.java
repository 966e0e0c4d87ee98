package com.sportsbook.runtime;

import com.sportsbook.commons.sql.CountingSocketFactory;
import com.sportsbook.commons.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of a runtime started inside a test without the rest of the platform: a fresh database, tenant schemas
 * created by the test itself, and the JVM's {@link LocalControlPlane} as the control plane: its routing directory
 * lists what the tests provisioned and it serves their tenants' effective jurisdiction rules, which compliance
 * needs (it fails closed without them). The rules' address is set on its own so that a test pointing the directory
 * at a peer of its own still reads the rules here.
 */
public final class RuntimeTestSettings {

    private RuntimeTestSettings() {
    }

    public static void standalone(DynamicPropertyRegistry registry, TestDatabase database, int poolSize) {
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> Integer.toString(poolSize));
        registry.add("runtime.tenancy.upgrade-on-startup", () -> "false");
        registry.add("runtime.tenancy.directory-refresh", () -> "1h");
        registry.add("runtime.tenancy.control-plane-url", () -> LocalControlPlane.get().url());
        registry.add("runtime.compliance.rules.control-plane-url", () -> LocalControlPlane.get().url());
        // flags from the local control plane (none: every feature at its default), never a real Unleash this
        // machine may run for other tests
        registry.add("runtime.features.unleash-url", () -> "");
    }

    /** {@link #standalone}, with the driver's round trips counted per thread ({@link CountingSocketFactory}). */
    public static void standaloneCountingRoundTrips(DynamicPropertyRegistry registry, TestDatabase database, int poolSize) {
        standalone(registry, database, poolSize);
        registry.add("spring.datasource.url", () -> CountingSocketFactory.countingOn(database.jdbcUrl()));
    }
}
