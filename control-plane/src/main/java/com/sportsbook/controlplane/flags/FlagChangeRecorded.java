package com.sportsbook.controlplane.flags;

import java.util.Map;

/**
 * A flag was created or its rollout or kill switch changed, as recorded in its history (same transaction): who,
 * what ({@code created}, {@code rollout_changed}, {@code killed}, {@code revived}), why, before and after. For
 * listeners outside this module (the platform audit); {@link FlagChanged} drives the Unleash sync.
 */
public record FlagChangeRecorded(String key, long version, String action, String actorId, String actorName, String reason,
        Map<String, Object> before, Map<String, Object> after) {
}
