package com.sportsbook.commons.rules;

/**
 * What a kind of rule means by "stricter". Every kind parses its value from plain JSON-shaped Java values (maps,
 * lists, numbers, strings, booleans, null), writes it back the same way, says whether a candidate value is at
 * least as strict as a reference value (a tenant override against its pack), and takes the strictest of two values
 * (a brand with several jurisdictions).
 *
 * @param <T> the typed value
 */
public interface RuleKind<T> {

    /** Reads a value; {@link IllegalArgumentException} naming the expected shape when it does not fit. */
    T parse(Object json);

    /** The value as plain JSON-shaped Java values, the inverse of {@link #parse}. */
    Object toJson(T value);

    /** Whether {@code candidate} protects players at least as much as {@code reference}: equal counts. */
    boolean atLeastAsStrict(T candidate, T reference);

    /** The value that satisfies both: what a brand licensed in two jurisdictions must apply. */
    T strictest(T a, T b);

    /** Whether a tenant may override the rule at all (taxes and registers are the regulator's alone). */
    default boolean overridable() {
        return true;
    }

    /** What "stricter" means for this kind, for refusals shown to a compliance officer. */
    String stricterMeans();
}
