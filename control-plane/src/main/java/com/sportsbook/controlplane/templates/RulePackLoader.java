package com.sportsbook.controlplane.templates;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.PathType;
import com.networknt.schema.SpecificationVersion;
import com.sportsbook.commons.rules.JurisdictionRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rule pack and refuses it unless it is valid against {@code rule-pack.schema.json} (JSON Schema 2020-12,
 * checked by networknt json-schema-validator 3, which reads Jackson 3 trees), named after its code, and readable
 * as typed rules. A refusal names the pack and every failing path.
 */
final class RulePackLoader {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JsonMapper json;
    private final Schema schema;

    RulePackLoader(JsonMapper json, String schemaText) {
        this.json = json;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                registry -> registry.schemaRegistryConfig(config)).getSchema(json.readTree(schemaText));
    }

    /** A pack that breaks the format: which file, and each failing JSON path with what is wrong there. */
    static final class InvalidRulePack extends IllegalStateException {

        private final List<String> failures;

        InvalidRulePack(String file, List<String> failures) {
            super("rule pack " + file + " is invalid: " + String.join("; ", failures));
            this.failures = List.copyOf(failures);
        }

        /** Each failure as "{@code /json/path}: message". */
        List<String> failures() {
            return failures;
        }
    }

    JurisdictionPack load(String file, String text) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidRulePack(file, List.of("/: not JSON (" + e.getOriginalMessage() + ")"));
        }
        List<Error> errors = schema.validate(tree);
        if (!errors.isEmpty()) {
            throw new InvalidRulePack(file, errors.stream()
                    .map(error -> path(error) + ": " + error.getMessage())
                    .distinct()
                    .toList());
        }
        String code = tree.get("code").asString();
        if (!file.equals(code + ".json")) {
            throw new InvalidRulePack(file, List.of("/code: the pack must be named after its code, " + code + ".json"));
        }
        Map<String, Object> pack = json.convertValue(tree, JSON_OBJECT);
        Map<String, JurisdictionPack.Sourced> sourced = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        tree.get("rules").properties().forEach(rule -> {
            Object value = json.convertValue(rule.getValue().get("value"), Object.class);
            sourced.put(rule.getKey(), new JurisdictionPack.Sourced(value, rule.getValue().get("source").asString()));
            values.put(rule.getKey(), value);
        });
        JurisdictionRules rules;
        try {
            rules = JurisdictionRules.parse(code, (String) pack.get("currency"), values);
        } catch (IllegalArgumentException e) {
            throw new InvalidRulePack(file, List.of("/rules: " + e.getMessage()));
        }
        return new JurisdictionPack(code, (String) pack.get("name"), (String) pack.get("regulator"),
                (String) pack.get("version"), (String) pack.get("currency"), sourced, rules);
    }

    private static String path(Error error) {
        String pointer = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return pointer.isEmpty() ? "/" : pointer;
    }
}
