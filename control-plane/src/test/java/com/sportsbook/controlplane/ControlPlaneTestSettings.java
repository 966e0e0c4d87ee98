package com.sportsbook.controlplane;

import com.sportsbook.commons.testing.FreePorts;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestKeycloak;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every control-plane integration test gives its Spring context: real PostgreSQL, real Keycloak. */
public final class ControlPlaneTestSettings {

    public static final String INTERNAL_TOKEN = "integration-test-internal-token-0123456789";

    private ControlPlaneTestSettings() {
    }

    /** The test's own fresh database and the internal service token. */
    public static void database(DynamicPropertyRegistry registry, TestDatabase database) {
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("control-plane.internal-token", () -> INTERNAL_TOKEN);
    }

    /** The shared test Keycloak, administered by the control plane; test realms allow the password grant. */
    public static void keycloak(DynamicPropertyRegistry registry, TestKeycloak.Server keycloak) {
        registry.add("control-plane.identity.keycloak-url", keycloak::url);
        registry.add("control-plane.identity.admin-username", keycloak::adminUsername);
        registry.add("control-plane.identity.admin-password", keycloak::adminPassword);
        registry.add("control-plane.identity.direct-grant-for-tests", () -> "true");
    }

    /** No tenant runtime: provisioning meets a real refused connection at its first step, within 2 s. */
    public static void noRuntime(DynamicPropertyRegistry registry) {
        registry.add("control-plane.provisioning.runtime-url", () -> "http://127.0.0.1:" + unusedPort());
        registry.add("control-plane.provisioning.runtime-timeout", () -> "2s");
    }

    /** A port nothing listens on (a connection to it is refused). */
    public static int unusedPort() {
        return FreePorts.take();
    }
}
