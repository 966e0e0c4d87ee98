package com.sportsbook.commons.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One jurisdiction's rules as typed values: from its pack, or its pack with a tenant's stricter overrides.
 *
 * @param code     the jurisdiction code (GB, CA-ON)
 * @param currency the ISO 4217 currency of the pack's amounts
 * @param values   every rule of {@link Rule#ALL} with its typed value
 */
public record JurisdictionRules(String code, String currency, Map<Rule<?>, Object> values) {

    public JurisdictionRules {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(currency, "currency");
        Map<Rule<?>, Object> given = values;
        List<String> missing = Rule.ALL.stream().filter(rule -> !given.containsKey(rule)).map(Rule::key).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("jurisdiction " + code + " lacks rules " + missing);
        }
        values = Map.copyOf(values);
    }

    /**
     * Reads the values of a pack's or a published document's rules: {@code {"minimumAge": 18, ...}} (values only,
     * the sources stripped). Unknown keys and missing rules are refused.
     */
    public static JurisdictionRules parse(String code, String currency, Map<String, Object> json) {
        Map<Rule<?>, Object> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String key : json.keySet()) {
            if (Rule.byKey(key).isEmpty()) {
                problems.add(key + ": not a rule");
            }
        }
        for (Rule<?> rule : Rule.ALL) {
            if (!json.containsKey(rule.key())) {
                problems.add(rule.key() + ": missing");
                continue;
            }
            try {
                values.put(rule, rule.parse(json.get(rule.key())));
            } catch (IllegalArgumentException e) {
                problems.add(rule.key() + ": expected " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rules of " + code + ": " + String.join("; ", problems));
        }
        return new JurisdictionRules(code, currency, values);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Rule<T> rule) {
        return (T) values.get(rule);
    }

    /** The same rules with one value replaced. */
    public <T> JurisdictionRules with(Rule<T> rule, T value) {
        Map<Rule<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(rule, value);
        return new JurisdictionRules(code, currency, changed);
    }

    /** Every rule's value as plain JSON, keyed as in a pack. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Rule<?> rule : Rule.ALL) {
            json.put(rule.key(), rule.toJson(values.get(rule)));
        }
        return json;
    }
}
