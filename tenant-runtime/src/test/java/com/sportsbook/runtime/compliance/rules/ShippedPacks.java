package com.sportsbook.runtime.compliance.rules;

import com.sportsbook.commons.rules.JurisdictionRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rule packs of {@code tenant-templates/jurisdictions/} as typed rules, as the control plane ships them. */
final class ShippedPacks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ShippedPacks() {
    }

    static JurisdictionRules pack(String code) {
        return JurisdictionRules.parse(code, tree(code).get("currency").asString(), values(code));
    }

    /** The pack's rule values only, as the control plane publishes effective values: {@code {"minimumAge": 18, ...}}. */
    static Map<String, Object> values(String code) {
        Map<String, Object> values = new LinkedHashMap<>();
        tree(code).get("rules").properties().forEach(rule ->
                values.put(rule.getKey(), JSON.convertValue(rule.getValue().get("value"), Object.class)));
        return values;
    }

    static JsonNode tree(String code) {
        try {
            return JSON.readTree(Files.readString(Path.of("..", "tenant-templates", "jurisdictions", code + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
