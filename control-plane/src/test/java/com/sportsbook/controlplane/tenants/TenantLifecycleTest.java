package com.sportsbook.controlplane.tenants;

import static com.sportsbook.commons.TenantStatus.ACTIVE;
import static com.sportsbook.commons.TenantStatus.ARCHIVED;
import static com.sportsbook.commons.TenantStatus.OFFBOARDING;
import static com.sportsbook.commons.TenantStatus.PROVISIONING;
import static com.sportsbook.commons.TenantStatus.PROVISIONING_FAILED;
import static com.sportsbook.commons.TenantStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantLifecycleTest {

    @Test
    void aTenantGoesLiveOnlyThroughProvisioning() {
        assertThat(TenantLifecycle.allows(PROVISIONING, ACTIVE)).isTrue();
        assertThat(TenantLifecycle.allows(PROVISIONING_FAILED, ACTIVE)).isFalse();
        assertThat(TenantLifecycle.allows(PROVISIONING_FAILED, PROVISIONING)).isTrue();
    }

    @Test
    void onlyALiveTenantCanBeSuspendedAndOnlyASuspendedOneResumed() {
        assertThat(TenantLifecycle.allows(ACTIVE, SUSPENDED)).isTrue();
        assertThat(TenantLifecycle.allows(SUSPENDED, ACTIVE)).isTrue();
        assertThat(TenantLifecycle.allows(PROVISIONING, SUSPENDED)).isFalse();
        assertThat(TenantLifecycle.allows(PROVISIONING_FAILED, SUSPENDED)).isFalse();
    }

    @Test
    void anArchivedTenantStaysArchived() {
        assertThat(TenantLifecycle.allows(OFFBOARDING, ARCHIVED)).isTrue();
        assertThat(TenantLifecycle.allows(ARCHIVED, ACTIVE)).isFalse();
        assertThat(TenantLifecycle.allows(ARCHIVED, PROVISIONING)).isFalse();
    }
}
