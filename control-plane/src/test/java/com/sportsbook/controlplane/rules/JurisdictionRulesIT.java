package com.sportsbook.controlplane.rules;

import com.sportsbook.controlplane.ControlPlaneTestSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.controlplane.tenants.RegistrationResult;
import com.sportsbook.controlplane.tenants.TenantRegistration;
import com.sportsbook.controlplane.tenants.Tenants;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Adoption, stricter-only overrides per rule kind, four eyes, rule versions and the audit trail, over the internal
 * API the runtime calls, on real HTTP against real PostgreSQL. Tenants are registered directly (no identity needed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JurisdictionRulesIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final String TOKEN = ControlPlaneTestSettings.INTERNAL_TOKEN;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ControlPlaneTestSettings.database(registry, DATABASE);
        registry.add("control-plane.provisioning.runtime-url", () -> "http://127.0.0.1:" + ControlPlaneTestSettings.unusedPort());
        registry.add("control-plane.identity.keycloak-url", () -> "http://127.0.0.1:" + ControlPlaneTestSettings.unusedPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    JdbcClient jdbc;

    private TestHttp internal;
    private String tenant;

    @BeforeEach
    void aTenantLicensedInGermanyAndNewJersey() {
        internal = new TestHttp("http://localhost:" + port).withDefaultHeader("X-Internal-Token", () -> TOKEN);
        tenant = "rules" + UUID.randomUUID().toString().substring(0, 8);
        RegistrationResult result = tenants.register(new TenantRegistration(tenant, "Rules Ltd", "ops@" + tenant + ".test",
                null, tenant, "Rules Bet", List.of(tenant + ".example.com"), null, "EUR", List.of("EUR", "USD"), List.of("en"),
                List.of("DE", "US-NJ", "DK")));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
    }

    private static final String OFFICER_A = "{\"id\": \"sub-a\", \"name\": \"officer.anna\"}";
    private static final String OFFICER_B = "{\"id\": \"sub-b\", \"name\": \"officer.ben\"}";

    private TestHttp.Response request(String jurisdiction, String rule, String valueJson, String actor) {
        return internal.post("/internal/v1/tenants/" + tenant + "/rules/changes", """
                {"jurisdiction": "%s", "rule": "%s", "value": %s, "reason": "board decision 2026-07", "actor": %s}"""
                .formatted(jurisdiction, rule, valueJson, actor)).send();
    }

    private TestHttp.Response approve(String id, String actor) {
        return internal.post("/internal/v1/tenants/" + tenant + "/rules/changes/" + id + "/approve", "{\"actor\": " + actor + "}").send();
    }

    private JsonNode rules() {
        return internal.get("/internal/v1/tenants/" + tenant + "/rules").send().json();
    }

    private static JsonNode jurisdiction(JsonNode rules, String code) {
        for (JsonNode jurisdiction : rules.get("jurisdictions")) {
            if (jurisdiction.get("code").asString().equals(code)) {
                return jurisdiction;
            }
        }
        throw new AssertionError("no " + code + " in " + rules);
    }

    private List<JsonNode> audit() {
        return internal.get("/internal/v1/tenants/" + tenant + "/rules/audit").send().json().valueStream().toList();
    }

    @Test
    void eachJurisdictionOfTheBrandsIsAdoptedOnceWithThePackVersionAndTheRulesCarryAnEtag() {
        TestHttp.Response first = internal.get("/internal/v1/tenants/" + tenant + "/rules").send();
        TestHttp.Response again = internal.get("/internal/v1/tenants/" + tenant + "/rules")
                .header("If-None-Match", first.header("ETag")).send();
        JsonNode germany = jurisdiction(first.json(), "DE");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("ruleVersion").asInt()).isZero();
        assertThat(first.json().at("/brands/" + tenant).valueStream().map(JsonNode::asString)).containsExactly("DE", "US-NJ", "DK");
        assertThat(germany.get("packVersion").asString()).isEqualTo("2026.1");
        assertThat(germany.get("currency").asString()).isEqualTo("EUR");
        assertThat(germany.at("/rules/depositCapsMinor/pack/monthly").asLong()).isEqualTo(100_000);
        assertThat(germany.at("/rules/depositCapsMinor/source").asString()).contains("§ 6c");
        assertThat(germany.at("/rules/minimumAge/override").isNull()).isTrue();
        assertThat(germany.at("/rules/taxRatePercent/overridable").asBoolean()).isFalse();
        assertThat(again.status()).as("nothing changed").isEqualTo(304);
        assertThat(audit()).extracting(entry -> entry.get("action").asString() + " " + entry.get("jurisdiction").asString())
                .containsExactlyInAnyOrder("pack_adopted DE", "pack_adopted US-NJ", "pack_adopted DK");
        assertThat(jdbc.sql("SELECT count(*) FROM control_plane.jurisdiction_adoption WHERE tenant_slug = ?").param(tenant)
                .query(Long.class).single()).isEqualTo(3);
    }

    /** One case per kind of rule: a stricter value accepted, a looser one refused naming the rule. */
    static Stream<Arguments> stricterAndLooser() {
        return Stream.of(
                Arguments.of("DE", "minimumAge", "21", "17"),
                Arguments.of("DK", "kycTiming", "\"before_play\"", "\"before_withdrawal\""),
                Arguments.of("DK", "kycDepositThresholdMinor", "500000", "null"),
                Arguments.of("US-NJ", "mandatoryDepositLimitAtRegistration", "true", null),
                Arguments.of("DE", "mandatoryDepositLimitAtRegistration", "true", "false"),
                Arguments.of("DE", "limitIncreaseCoolingOffHours", "336", "24"),
                Arguments.of("DE", "realityCheckMinutes", "{\"min\": 15, \"max\": 45, \"default\": 30}", "{\"min\": 10, \"max\": 120, \"default\": 60}"),
                Arguments.of("DE", "timeOutDays", "{\"min\": 1, \"max\": 90}", "{\"min\": 7, \"max\": 42}"),
                Arguments.of("DE", "selfExclusionPeriodsMonths", "[3, 6, 12, 24, \"indefinite\"]", "[1, 3, 6, 12, \"indefinite\"]"),
                Arguments.of("US-NJ", "parallelPlayAllowed", "false", null),
                Arguments.of("DE", "parallelPlayAllowed", "false", "true"),
                Arguments.of("US-NJ", "allowedBetTypes", "[\"single\", \"multiple\"]", null),
                Arguments.of("DE", "allowedBetTypes", "[\"single\"]", "[\"single\", \"multiple\", \"system\", \"bet_builder\"]"),
                Arguments.of("DE", "allowedMarketTypes", "[\"1x2\", \"total\"]", "null"),
                Arguments.of("DE", "excludedEvents", "[\"minors_participating\", \"amateur_sport\", \"collegiate_events_in_jurisdiction\"]", "[\"minors_participating\"]"),
                Arguments.of("US-NJ", "inPlayAllowed", "false", null),
                Arguments.of("DE", "inPlayMarketTypes", "[\"1x2\"]", "[\"1x2\", \"total_corners\"]"),
                Arguments.of("DE", "betDelaySecondsInPlay", "8", "2"),
                Arguments.of("DE", "maxStakePerBetMinor", "500000", null),
                Arguments.of("DE", "depositCapsMinor", "{\"daily\": 10000, \"weekly\": null, \"monthly\": 50000}", "{\"daily\": null, \"weekly\": null, \"monthly\": 200000}"),
                Arguments.of("DE", "dataRetentionYears", "10", "3"));
    }

    @ParameterizedTest(name = "{0} {1}: {2} accepted, {3} refused")
    @MethodSource("stricterAndLooser")
    void aStricterValueIsAcceptedAndALooserOneRefusedNamingTheRule(String code, String rule, String stricter, String looser) {
        TestHttp.Response accepted = request(code, rule, stricter, OFFICER_A);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("status").asString()).isEqualTo("requested");
        if (looser != null) {
            TestHttp.Response refused = request(code, rule, looser, OFFICER_A);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("rule_looser_than_pack");
            assertThat(refused.json().get("rule").asString()).isEqualTo(rule);
            assertThat(refused.json().get("jurisdiction").asString()).isEqualTo(code);
            assertThat(refused.json().get("detail").asString()).contains(rule).contains("Stricter means");
        }
    }

    @Test
    void theRegulatorsOwnRulesBadValuesAndUnknownNamesAreRefusedAsProblemDetails() {
        TestHttp.Response tax = request("DE", "taxRatePercent", "\"6\"", OFFICER_A);
        TestHttp.Response register = request("DE", "nationalRegister", "\"GAMSTOP\"", OFFICER_A);
        TestHttp.Response shape = request("DE", "minimumAge", "\"twenty\"", OFFICER_A);
        TestHttp.Response unknownRule = request("DE", "happyHour", "true", OFFICER_A);
        TestHttp.Response unknownCode = request("ZZ", "minimumAge", "21", OFFICER_A);
        TestHttp.Response notAdopted = request("GB", "minimumAge", "21", OFFICER_A);
        TestHttp.Response noReason = internal.post("/internal/v1/tenants/" + tenant + "/rules/changes",
                "{\"jurisdiction\": \"DE\", \"rule\": \"minimumAge\", \"value\": 21, \"actor\": " + OFFICER_A + "}").send();
        TestHttp.Response noActor = internal.post("/internal/v1/tenants/" + tenant + "/rules/changes",
                "{\"jurisdiction\": \"DE\", \"rule\": \"minimumAge\", \"value\": 21, \"reason\": \"x\"}").send();
        TestHttp.Response unknownTenant = internal.post("/internal/v1/tenants/nobody/rules/changes", "{}").send();
        TestHttp.Response malformed = internal.post("/internal/v1/tenants/" + tenant + "/rules/changes", "{\"rule\": ").send();

        assertThat(tax.json().get("code").asString()).isEqualTo("rule_not_overridable");
        assertThat(register.json().get("code").asString()).isEqualTo("rule_not_overridable");
        assertThat(shape.status()).isEqualTo(422);
        assertThat(shape.json().at("/errors/0/field").asString()).isEqualTo("value");
        assertThat(unknownRule.json().get("code").asString()).isEqualTo("unknown_rule");
        assertThat(unknownCode.json().get("code").asString()).isEqualTo("unknown_jurisdiction");
        assertThat(notAdopted.json().get("code").asString()).isEqualTo("jurisdiction_not_adopted");
        assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(noActor.json().at("/errors/0/field").asString()).isEqualTo("actor");
        assertThat(unknownTenant.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(List.of(tax, register, shape, unknownRule, unknownCode, notAdopted, noReason, noActor))
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(422));
        assertThat(internal.get("/internal/v1/tenants/" + tenant + "/rules/changes").send().json().size())
                .as("no refused request was recorded").isZero();
    }

    @Test
    void theOfficerWhoRequestedCannotApproveASecondOfficerCanAndThatMakesARuleVersion() {
        String id = request("DE", "minimumAge", "21", OFFICER_A).json().get("id").asString();

        TestHttp.Response ownApproval = approve(id, OFFICER_A);
        TestHttp.Response ownRejection = internal.post("/internal/v1/tenants/" + tenant + "/rules/changes/" + id + "/reject",
                "{\"actor\": " + OFFICER_A + ", \"reason\": \"changed my mind\"}").send();
        JsonNode beforeApproval = rules();
        TestHttp.Response approved = approve(id, OFFICER_B);
        TestHttp.Response twice = approve(id, "{\"id\": \"sub-c\", \"name\": \"officer.cleo\"}");
        JsonNode after = rules();
        JsonNode minimumAge = jurisdiction(after, "DE").at("/rules/minimumAge");

        assertThat(ownApproval.status()).isEqualTo(403);
        assertThat(ownApproval.json().get("code").asString()).isEqualTo("four_eyes_required");
        assertThat(ownRejection.status()).isEqualTo(403);
        assertThat(jurisdiction(beforeApproval, "DE").at("/rules/minimumAge/effective").asInt()).as("not before approval").isEqualTo(18);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("officer.ben");
        assertThat(approved.json().get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(after.get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(minimumAge.get("pack").asInt()).isEqualTo(18);
        assertThat(minimumAge.at("/override/value").asInt()).isEqualTo(21);
        assertThat(minimumAge.at("/override/version").asInt()).isEqualTo(1);
        assertThat(minimumAge.at("/override/requestedBy").asString()).isEqualTo("officer.anna");
        assertThat(minimumAge.at("/override/approvedBy").asString()).isEqualTo("officer.ben");
        assertThat(minimumAge.get("effective").asInt()).isEqualTo(21);
        assertThat(jurisdiction(after, "US-NJ").at("/rules/minimumAge/effective").asInt()).as("other jurisdictions untouched").isEqualTo(21);
        assertThat(jurisdiction(after, "DK").at("/rules/minimumAge/effective").asInt()).isEqualTo(18);
    }

    @Test
    void eachApprovalIsTheNextVersionAndALaterOverrideOfTheSameRuleReplacesTheEarlierWithinThePack() {
        approve(request("DE", "betDelaySecondsInPlay", "10", OFFICER_A).json().get("id").asString(), OFFICER_B);
        approve(request("DK", "minimumAge", "20", OFFICER_B).json().get("id").asString(), OFFICER_A);
        TestHttp.Response third = approve(request("DE", "betDelaySecondsInPlay", "7", OFFICER_A).json().get("id").asString(), OFFICER_B);

        JsonNode after = rules();

        assertThat(third.json().get("ruleVersion").asInt()).isEqualTo(3);
        assertThat(after.get("ruleVersion").asInt()).isEqualTo(3);
        assertThat(jurisdiction(after, "DE").at("/rules/betDelaySecondsInPlay/effective").asInt()).isEqualTo(7);
        assertThat(jurisdiction(after, "DE").at("/rules/betDelaySecondsInPlay/override/version").asInt()).isEqualTo(3);
        assertThat(jurisdiction(after, "DK").at("/rules/minimumAge/effective").asInt()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM control_plane.tenant_rule_version WHERE tenant_slug = ?").param(tenant)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aRejectionNeedsAReasonChangesNoRuleAndEveryStepIsInTheAuditTrailWithActorAndTime() {
        String approvedId = request("DE", "limitIncreaseCoolingOffHours", "240", OFFICER_A).json().get("id").asString();
        approve(approvedId, OFFICER_B);
        String rejectedId = request("DE", "inPlayAllowed", "false", OFFICER_B).json().get("id").asString();
        TestHttp.Response withoutReason = internal.post("/internal/v1/tenants/" + tenant + "/rules/changes/" + rejectedId + "/reject",
                "{\"actor\": " + OFFICER_A + "}").send();
        TestHttp.Response rejected = internal.post("/internal/v1/tenants/" + tenant + "/rules/changes/" + rejectedId + "/reject",
                "{\"actor\": " + OFFICER_A + ", \"reason\": \"in-play stays, with the delay raised instead\"}").send();

        List<JsonNode> trail = audit();
        JsonNode pending = internal.get("/internal/v1/tenants/" + tenant + "/rules/changes?status=requested").send().json();
        JsonNode all = internal.get("/internal/v1/tenants/" + tenant + "/rules/changes").send().json();

        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.json().get("decisionReason").asString()).contains("delay raised");
        assertThat(rejected.json().get("ruleVersion").isNull()).isTrue();
        assertThat(jurisdiction(rules(), "DE").at("/rules/inPlayAllowed/effective").asBoolean()).isTrue();
        assertThat(rules().get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(pending.size()).isZero();
        assertThat(all.size()).isEqualTo(2);
        assertThat(trail).extracting(entry -> entry.get("action").asString())
                .containsSubsequence("change_requested", "change_approved", "change_requested", "change_rejected");
        List<JsonNode> decisions = trail.stream().filter(entry -> entry.get("changeRequest").isString()).toList();
        assertThat(decisions).extracting(entry -> entry.get("actor").asString())
                .containsExactly("officer.anna", "officer.ben", "officer.ben", "officer.anna");
        assertThat(decisions).allSatisfy(entry -> assertThat(entry.get("at").asString()).isNotBlank());
        assertThat(decisions.get(1).get("detail").asString()).contains("rule version 1").contains("officer.anna");
        assertThat(decisions.get(3).get("detail").asString()).contains("delay raised");
    }

    @Test
    void theAuditTrailCannotBeEditedOrDeleted() {
        request("DE", "minimumAge", "19", OFFICER_A);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "UPDATE control_plane.rule_audit SET actor = 'someone else' WHERE tenant_slug = ?").param(tenant).update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "DELETE FROM control_plane.rule_audit WHERE tenant_slug = ?").param(tenant).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anApprovedMinimumAgeReachesTheRoutingDirectory() {
        long before = internal.get("/internal/v1/routing").send().json().get("version").asLong();
        approve(request("DE", "minimumAge", "23", OFFICER_A).json().get("id").asString(), OFFICER_B);

        JsonNode routing = internal.get("/internal/v1/routing").send().json();
        JsonNode brand = routing.get("brands").valueStream().filter(route -> route.get("slug").asString().equals(tenant))
                .findFirst().orElseThrow();

        assertThat(routing.get("version").asLong()).isGreaterThan(before);
        assertThat(brand.get("minimumAge").asInt()).as("the strictest: DE overridden to 23 over US-NJ's 21").isEqualTo(23);
    }

}
