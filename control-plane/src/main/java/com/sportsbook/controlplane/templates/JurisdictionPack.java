package com.sportsbook.controlplane.templates;

import com.sportsbook.commons.rules.JurisdictionRules;
import com.sportsbook.commons.rules.Rule;
import java.util.Map;

/**
 * A regulator's rule pack as shipped in {@code tenant-templates/jurisdictions/}, valid against
 * {@code rule-pack.schema.json}: the typed rules, and each rule's value as written with its source.
 *
 * @param currency the ISO 4217 currency of the pack's amounts (minor units)
 * @param sourced  every rule as written in the pack: its value (plain JSON) and where it comes from
 * @param rules    the same values, typed
 */
public record JurisdictionPack(String code, String name, String regulator, String version, String currency,
        Map<String, Sourced> sourced, JurisdictionRules rules) {

    /** A rule as the pack states it. */
    public record Sourced(Object value, String source) {
    }

    public JurisdictionPack {
        sourced = Map.copyOf(sourced);
    }

    /** The pack's minimum age for gambling. */
    public int minimumAge() {
        return rules.get(Rule.MINIMUM_AGE);
    }

    public String source(Rule<?> rule) {
        return sourced.get(rule.key()).source();
    }
}
