package com.sportsbook.controlplane.flags;

import java.time.Instant;
import java.util.List;

/**
 * A flag as the API shows it.
 *
 * @param sync how far Unleash has caught up: {@code synced}, {@code pending} (a change not pushed yet, or failing:
 *             see {@code error}), or {@code not_configured} (no Unleash; runtimes read the control plane's snapshot)
 */
public record FlagView(String key, String description, List<String> tenants, int percentage, List<String> jurisdictions,
        boolean killed, long version, Instant createdAt, Instant updatedAt, String updatedBy, Sync sync) {

    public record Sync(String state, long syncedVersion, Instant syncedAt, String error) {
    }
}
