package com.sportsbook.controlplane.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RealmBlueprintTest {

    @Test
    void aTenantRealmIsNamedAfterTheTenant() {
        assertThat(RealmBlueprint.forTenant("acme", "Acme Bet", List.of("acme.com"), List.of(), false).realm())
                .isEqualTo("tenant-acme");
    }

    @Test
    void redirectsAreHttpsExceptForLocalDevelopmentHostsOnTheGatewayPorts() {
        assertThat(RealmBlueprint.redirects(List.of("www.acme.com", "acme.localhost"), List.of(8080), "/*"))
                .containsExactly("https://www.acme.com/*", "https://acme.localhost/*", "http://acme.localhost:8080/*");
    }

    @Test
    void everyRoleButPlayerIsAStaffRole() {
        assertThat(RealmBlueprint.TENANT_STAFF_ROLES).doesNotContain("player")
                .containsExactly("trader", "risk-manager", "compliance-officer", "support", "finance", "tenant-admin");
    }

    @Test
    void thePasswordGrantIsOnlyEnabledWhenAskedForTests() {
        assertThat(RealmBlueprint.forTenant("acme", "Acme", List.of("acme.com"), List.of(), false).clients())
                .allSatisfy(client -> assertThat(client.directGrant()).isFalse());
        assertThat(RealmBlueprint.forTenant("acme", "Acme", List.of("acme.com"), List.of(), true).clients())
                .allSatisfy(client -> assertThat(client.directGrant()).isTrue());
    }
}
