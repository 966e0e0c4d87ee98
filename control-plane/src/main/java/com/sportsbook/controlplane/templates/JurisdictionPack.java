package com.sportsbook.controlplane.templates;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A regulator's rule pack as shipped. Every rule carries its value and its source; the full typed model and schema
 * validation come with the compliance work, this is what tenancy needs: the code, the name and the version adopted.
 */
public record JurisdictionPack(String code, String name, String regulator, String version, Map<String, Object> rules) {

    private static final Pattern CODE = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");

    @SuppressWarnings("unchecked")
    static JurisdictionPack from(Map<String, Object> json, String file) {
        String code = text(json, "code", file);
        if (!CODE.matcher(code).matches() || !file.equals(code + ".json")) {
            throw new IllegalStateException("rule pack " + file + " must be named after its code, got " + code);
        }
        if (!(json.get("rules") instanceof Map<?, ?> rules) || rules.isEmpty()) {
            throw new IllegalStateException("rule pack " + file + " has no rules");
        }
        rules.forEach((rule, sourced) -> {
            if (!(sourced instanceof Map<?, ?> value) || !value.containsKey("value")
                    || !(value.get("source") instanceof String source) || source.isBlank()) {
                throw new IllegalStateException("rule " + rule + " in " + file + " needs a value and a source");
            }
        });
        return new JurisdictionPack(code, text(json, "name", file), text(json, "regulator", file),
                text(json, "version", file), Map.copyOf((Map<String, Object>) rules));
    }

    /** The pack's minimum age for gambling. */
    public int minimumAge() {
        if (rules.get("minimumAge") instanceof Map<?, ?> rule && rule.get("value") instanceof Number age) {
            return age.intValue();
        }
        throw new IllegalStateException("rule pack " + code + " has no minimum age");
    }

    private static String text(Map<String, Object> json, String field, String file) {
        if (json.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IllegalStateException("rule pack " + file + " lacks " + field);
    }
}
