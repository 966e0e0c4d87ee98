package com.sportsbook.controlplane.flags;

import com.sportsbook.controlplane.flags.core.UnleashShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Unleash's Admin API, the few calls the sync needs: context fields, feature flags in one project, their strategies
 * and their on/off in one environment. Errors are exceptions (the sync retries).
 */
class UnleashAdmin {

    /** A strategy Unleash holds, with the id to update or delete it by. */
    record HeldStrategy(String id, UnleashShape.Strategy strategy, boolean disabled) {
    }

    /** A flag's state in the environment. */
    record Environment(boolean enabled, List<HeldStrategy> strategies) {
    }

    private final RestClient http;
    private final String project;
    private final String environment;

    UnleashAdmin(RestClient.Builder builder, FlagsSettings.Unleash settings) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.timeout());
        requests.setReadTimeout(settings.timeout());
        this.http = builder.clone()
                .baseUrl(settings.baseUrl())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION, settings.adminToken())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
        this.project = settings.project();
        this.environment = settings.environment();
    }

    /**
     * Makes sure the context fields the strategies use exist: {@code tenantId} (sticky, so a percentage rollout can
     * hash it), {@code brand}, and {@code jurisdiction} with the rule packs' codes as its legal values.
     */
    void ensureContextFields(Set<String> jurisdictions) {
        JsonNode existing = http.get().uri("/api/admin/context").retrieve().body(JsonNode.class);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        existing.valueStream().forEach(field -> byName.put(field.get("name").asString(), field));
        ensureField(byName.get(UnleashShape.TENANT_FIELD), UnleashShape.TENANT_FIELD,
                "The tenant (operator) slug; percentage rollouts are sticky on it", true, Set.of());
        ensureField(byName.get(UnleashShape.BRAND_FIELD), UnleashShape.BRAND_FIELD, "The brand whose host was called", false, Set.of());
        ensureField(byName.get(UnleashShape.JURISDICTION_FIELD), UnleashShape.JURISDICTION_FIELD,
                "One jurisdiction the brand is licensed in (asked once per jurisdiction)", false, jurisdictions);
    }

    private void ensureField(JsonNode existing, String name, String description, boolean stickiness, Set<String> legalValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("stickiness", stickiness);
        body.put("legalValues", legalValues.stream().sorted().map(value -> Map.of("value", value)).toList());
        if (existing == null) {
            http.post().uri("/api/admin/context").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            return;
        }
        Set<String> held = new HashSet<>();
        existing.path("legalValues").valueStream().forEach(value -> held.add(value.path("value").asString()));
        if (existing.path("stickiness").asBoolean() != stickiness || !held.equals(legalValues)) {
            http.put().uri("/api/admin/context/{name}", name).contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toBodilessEntity();
        }
    }

    /** The flag's description, or empty if the project has no such flag. */
    Optional<String> featureDescription(String key) {
        try {
            JsonNode feature = http.get().uri("/api/admin/projects/{project}/features/{key}", project, key).retrieve().body(JsonNode.class);
            return Optional.of(feature.path("description").isString() ? feature.path("description").asString() : "");
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Creates the flag; one archived by hand in Unleash is revived instead (its name stays taken while archived). */
    void createFeature(String key, String description) {
        try {
            http.post().uri("/api/admin/projects/{project}/features", project).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", key, "description", description, "type", "release", "impressionData", false))
                    .retrieve().toBodilessEntity();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() != HttpStatus.CONFLICT) {
                throw e;
            }
            http.post().uri("/api/admin/archive/revive/{key}", key).retrieve().toBodilessEntity();
        }
    }

    void describe(String key, String description) {
        http.put().uri("/api/admin/projects/{project}/features/{key}", project, key).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", key, "description", description, "type", "release", "impressionData", false, "stale", false))
                .retrieve().toBodilessEntity();
    }

    Environment environment(String key) {
        JsonNode env = http.get().uri(environmentPath(), project, key, environment).retrieve().body(JsonNode.class);
        List<HeldStrategy> strategies = new ArrayList<>();
        env.path("strategies").valueStream().forEach(strategy -> {
            List<UnleashShape.Constraint> constraints = new ArrayList<>();
            strategy.path("constraints").valueStream().forEach(constraint -> constraints.add(new UnleashShape.Constraint(
                    constraint.path("contextName").asString(), constraint.path("operator").asString(),
                    constraint.path("values").valueStream().map(JsonNode::asString).toList(),
                    constraint.path("caseInsensitive").asBoolean(false), constraint.path("inverted").asBoolean(false))));
            Map<String, String> parameters = new LinkedHashMap<>();
            strategy.path("parameters").properties().forEach(entry -> parameters.put(entry.getKey(), entry.getValue().asString()));
            strategies.add(new HeldStrategy(strategy.path("id").asString(), new UnleashShape.Strategy(strategy.path("name").asString(),
                    strategy.path("title").isString() ? strategy.path("title").asString() : null, constraints, parameters),
                    strategy.path("disabled").asBoolean(false)));
        });
        return new Environment(env.path("enabled").asBoolean(), strategies);
    }

    void addStrategy(String key, UnleashShape.Strategy strategy) {
        http.post().uri(environmentPath() + "/strategies", project, key, environment).contentType(MediaType.APPLICATION_JSON)
                .body(body(strategy)).retrieve().toBodilessEntity();
    }

    void updateStrategy(String key, String id, UnleashShape.Strategy strategy) {
        http.put().uri(environmentPath() + "/strategies/{id}", project, key, environment, id).contentType(MediaType.APPLICATION_JSON)
                .body(body(strategy)).retrieve().toBodilessEntity();
    }

    void deleteStrategy(String key, String id) {
        http.delete().uri(environmentPath() + "/strategies/{id}", project, key, environment, id).retrieve().toBodilessEntity();
    }

    void setEnabled(String key, boolean enabled) {
        http.post().uri(environmentPath() + (enabled ? "/on" : "/off"), project, key, environment).retrieve().toBodilessEntity();
    }

    private static String environmentPath() {
        return "/api/admin/projects/{project}/features/{key}/environments/{environment}";
    }

    private static Map<String, Object> body(UnleashShape.Strategy strategy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", strategy.name());
        body.put("title", strategy.title());
        body.put("constraints", strategy.constraints());
        body.put("parameters", strategy.parameters());
        body.put("segments", List.of());
        body.put("disabled", false);
        return body;
    }
}
