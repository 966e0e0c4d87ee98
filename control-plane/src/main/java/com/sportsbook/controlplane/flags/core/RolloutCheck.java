package com.sportsbook.controlplane.flags.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a requested rollout against what exists: every named tenant must be a tenant of the platform, every
 * jurisdiction one of the rule packs, the percentage a whole number from 0 to 100. Refusals are values naming the
 * fields at fault, one kind at a time (unknown tenants first, then jurisdictions, then the percentage).
 */
public final class RolloutCheck {

    public static final String UNKNOWN_TENANT = "unknown_tenant";
    public static final String UNKNOWN_JURISDICTION = "unknown_jurisdiction";
    public static final String VALIDATION_FAILED = "validation_failed";
    public static final int MAX_TENANTS = 1000;

    /** A field at fault and why. */
    public record FieldError(String field, String message) {
    }

    /** What a check came to. */
    public sealed interface Result {
        record Valid(Rollout rollout) implements Result {
        }

        /** Always a 422: the request is well-formed JSON that names something that does not exist or cannot be. */
        record Invalid(String code, String detail, List<FieldError> errors) implements Result {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }
    }

    private final Set<String> knownTenants;
    private final Set<String> knownJurisdictions;

    public RolloutCheck(Set<String> knownTenants, Set<String> knownJurisdictions) {
        this.knownTenants = Set.copyOf(knownTenants);
        this.knownJurisdictions = Set.copyOf(knownJurisdictions);
    }

    /** Missing lists are empty and a missing percentage is 0: a rollout to nobody. */
    public Result check(List<String> tenants, BigDecimal percentage, List<String> jurisdictions) {
        List<String> named = tenants == null ? List.of() : tenants;
        List<String> codes = jurisdictions == null ? List.of() : jurisdictions;
        if (named.size() > MAX_TENANTS) {
            return new Result.Invalid(VALIDATION_FAILED, "Name at most " + MAX_TENANTS + " tenants; roll out by percentage beyond that.",
                    List.of(new FieldError("tenants", "at most " + MAX_TENANTS + " tenant slugs")));
        }
        List<FieldError> unknownTenants = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            if (named.get(i) == null || !knownTenants.contains(named.get(i))) {
                unknownTenants.add(new FieldError("tenants[" + i + "]", "no tenant " + named.get(i)));
            }
        }
        if (!unknownTenants.isEmpty()) {
            return new Result.Invalid(UNKNOWN_TENANT, "The rollout names tenants that do not exist.", unknownTenants);
        }
        List<FieldError> unknownCodes = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null || !knownJurisdictions.contains(codes.get(i))) {
                unknownCodes.add(new FieldError("jurisdictions[" + i + "]", "no rule pack for " + codes.get(i)
                        + "; known: " + knownJurisdictions.stream().sorted().toList()));
            }
        }
        if (!unknownCodes.isEmpty()) {
            return new Result.Invalid(UNKNOWN_JURISDICTION, "The rollout names jurisdictions without a rule pack.", unknownCodes);
        }
        int whole;
        if (percentage == null) {
            whole = 0;
        } else if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0 || percentage.stripTrailingZeros().scale() > 0) {
            return new Result.Invalid(VALIDATION_FAILED, "A percentage is a whole number from 0 to 100.",
                    List.of(new FieldError("percentage", "a whole number from 0 to 100, not " + percentage.toPlainString())));
        } else {
            whole = percentage.intValueExact();
        }
        return new Result.Valid(new Rollout(named, whole, codes));
    }
}
