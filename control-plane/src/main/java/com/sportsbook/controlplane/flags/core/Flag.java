package com.sportsbook.controlplane.flags.core;

import java.util.List;

/**
 * A feature flag as platform staff set it.
 *
 * @param killed  the kill switch: off everywhere, whatever the rollout says
 * @param version one more with every change; Unleash is in sync once it has seen this version
 */
public record Flag(FlagKey key, String description, Rollout rollout, boolean killed, long version) {

    /** Whether the flag is on for a tenant on a brand licensed in these jurisdictions. */
    public boolean enabledFor(String tenant, List<String> brandJurisdictions) {
        return !killed && rollout.includes(tenant, brandJurisdictions, key.value());
    }

    public Flag withRollout(Rollout next) {
        return new Flag(key, description, next, killed, version + 1);
    }

    public Flag withKilled(boolean next) {
        return new Flag(key, description, rollout, next, version + 1);
    }
}
