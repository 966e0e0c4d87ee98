package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.TenantStatus;

/** What a lifecycle command (suspend, resume) can end in. */
public sealed interface TransitionResult {

    record Moved(TenantView tenant) implements TransitionResult {
    }

    record UnknownTenant(String slug) implements TransitionResult {
    }

    record NotAllowed(TenantStatus from, TenantStatus to) implements TransitionResult {
    }
}
