package com.sportsbook.controlplane.flags.core;

import java.util.List;
import java.util.TreeSet;

/**
 * Who gets a flag: every tenant named in {@code tenants}, wherever its brands are licensed; and {@code percentage} of
 * all tenants by the stable hash of their id, restricted to brands whose every jurisdiction is in
 * {@code jurisdictions} when that list is not empty. Nobody when the list is empty and the percentage 0.
 *
 * @param tenants       tenant slugs, sorted and without duplicates
 * @param percentage    0 to 100
 * @param jurisdictions jurisdiction codes (rule pack codes), sorted and without duplicates
 */
public record Rollout(List<String> tenants, int percentage, List<String> jurisdictions) {

    public static final Rollout NOBODY = new Rollout(List.of(), 0, List.of());
    public static final Rollout EVERYBODY = new Rollout(List.of(), 100, List.of());

    public Rollout {
        if (percentage < 0 || percentage > 100) {
            throw new IllegalArgumentException("a percentage is 0 to 100, not " + percentage);
        }
        tenants = List.copyOf(new TreeSet<>(tenants));
        jurisdictions = List.copyOf(new TreeSet<>(jurisdictions));
    }

    /** Whether the tenant gets the flag on a brand licensed in these jurisdictions. */
    public boolean includes(String tenant, List<String> brandJurisdictions, String groupId) {
        if (tenants.contains(tenant)) {
            return true;
        }
        if (!StickyHash.withinPercentage(percentage, groupId, tenant)) {
            return false;
        }
        return jurisdictions.isEmpty() || (!brandJurisdictions.isEmpty() && jurisdictions.containsAll(brandJurisdictions));
    }
}
