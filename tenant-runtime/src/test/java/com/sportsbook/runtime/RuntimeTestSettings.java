package com.sportsbook.runtime;

import com.sportsbook.commons.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of a runtime started inside a test without the rest of the platform: a fresh database, no control
 * plane (its directory is not polled), tenant schemas created by the test itself.
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
        registry.add("runtime.tenancy.control-plane-url", () -> "http://127.0.0.1:9");
    }
}
