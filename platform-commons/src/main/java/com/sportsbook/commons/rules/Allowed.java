package com.sportsbook.commons.rules;

import java.util.Set;
import java.util.TreeSet;

/**
 * What may be offered: everything, or only the listed values (bet types, market types). Fewer is stricter.
 *
 * @param all    whether every value is allowed ({@code values} is then empty)
 * @param values the allowed values when not all are
 */
public record Allowed(boolean all, Set<String> values) {

    public static final Allowed ALL = new Allowed(true, Set.of());

    public Allowed {
        values = all ? Set.of() : Set.copyOf(values);
    }

    public static Allowed only(Set<String> values) {
        return new Allowed(false, values);
    }

    public boolean allows(String value) {
        return all || values.contains(value);
    }

    boolean within(Allowed other) {
        return other.all || (!all && other.values.containsAll(values));
    }

    Allowed intersect(Allowed other) {
        if (all) {
            return other;
        }
        if (other.all) {
            return this;
        }
        Set<String> both = new TreeSet<>(values);
        both.retainAll(other.values);
        return only(both);
    }
}
