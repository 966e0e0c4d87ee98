package com.sportsbook.controlplane.flags.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flag in Unleash's terms, one for the Admin API and the client-features document alike. Two
 * {@code flexibleRollout} strategies, sticky on the {@code tenantId} context field and grouped by the flag key:
 * "tenants" (100% with a constraint {@code tenantId IN [...]}, or 0% when no tenant is named) and "percentage" (the
 * percentage, with a constraint {@code jurisdiction IN [...]} when the rollout names jurisdictions). Unleash ORs the
 * strategies. The environment is enabled unless the kill switch is on. A brand in several jurisdictions is asked once
 * per jurisdiction and gets the flag only if every answer is yes, which is {@link Rollout#includes}.
 */
public final class UnleashShape {

    public static final String TENANT_FIELD = "tenantId";
    public static final String BRAND_FIELD = "brand";
    public static final String JURISDICTION_FIELD = "jurisdiction";
    public static final String TENANTS_STRATEGY = "tenants";
    public static final String PERCENTAGE_STRATEGY = "percentage";

    public record Constraint(String contextName, String operator, List<String> values, boolean caseInsensitive,
            boolean inverted) {
        public Constraint {
            values = List.copyOf(values);
        }

        static Constraint in(String field, List<String> values) {
            return new Constraint(field, "IN", values, false, false);
        }
    }

    /** A strategy as the Admin API takes it; {@code title} tells ours apart when reconciling. */
    public record Strategy(String name, String title, List<Constraint> constraints, Map<String, String> parameters) {
        public Strategy {
            constraints = List.copyOf(constraints);
            parameters = Map.copyOf(parameters);
        }
    }

    private UnleashShape() {
    }

    public static List<Strategy> strategies(Flag flag) {
        Rollout rollout = flag.rollout();
        Strategy tenants = rollout(TENANTS_STRATEGY, flag.key(), rollout.tenants().isEmpty() ? 0 : 100,
                rollout.tenants().isEmpty() ? List.of() : List.of(Constraint.in(TENANT_FIELD, rollout.tenants())));
        Strategy percentage = rollout(PERCENTAGE_STRATEGY, flag.key(), rollout.percentage(),
                rollout.jurisdictions().isEmpty() ? List.of() : List.of(Constraint.in(JURISDICTION_FIELD, rollout.jurisdictions())));
        return List.of(tenants, percentage);
    }

    private static Strategy rollout(String title, FlagKey key, int percentage, List<Constraint> constraints) {
        return new Strategy("flexibleRollout", title, constraints,
                Map.of("rollout", Integer.toString(percentage), "stickiness", TENANT_FIELD, "groupId", key.value()));
    }

    /** The flag as one entry of Unleash's client-features document (what {@code GET /api/client/features} lists). */
    public static Map<String, Object> clientFeature(Flag flag) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("name", flag.key().value());
        feature.put("type", "release");
        feature.put("description", flag.description());
        feature.put("enabled", !flag.killed());
        feature.put("project", "default");
        feature.put("stale", false);
        feature.put("impressionData", false);
        feature.put("strategies", strategies(flag).stream().map(strategy -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", strategy.name());
            entry.put("constraints", strategy.constraints());
            entry.put("parameters", strategy.parameters());
            entry.put("variants", List.of());
            return entry;
        }).toList());
        feature.put("variants", List.of());
        return feature;
    }

    /** The whole client-features document (version 2) for these flags. */
    public static Map<String, Object> clientFeatures(List<Flag> flags) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", 2);
        document.put("features", flags.stream().map(UnleashShape::clientFeature).toList());
        return document;
    }
}
