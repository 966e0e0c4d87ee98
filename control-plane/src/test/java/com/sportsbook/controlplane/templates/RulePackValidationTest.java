package com.sportsbook.controlplane.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.rules.KycTiming;
import com.sportsbook.commons.rules.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every rule pack in {@code tenant-templates/jurisdictions/} against {@code rule-pack.schema.json} with a real
 * JSON-Schema validator, and broken packs refused with the path that fails.
 */
class RulePackValidationTest {

    private static final Path FOLDER = Path.of("..", "tenant-templates", "jurisdictions");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RulePackLoader loader = new RulePackLoader(JSON, read(FOLDER.resolve("rule-pack.schema.json")));

    @Test
    void everyShippedPackIsValidTypedAndSourcedRuleByRule() {
        List<JurisdictionPack> packs = shippedPacks().stream()
                .map(file -> loader.load(file.getFileName().toString(), read(file)))
                .toList();

        assertThat(packs).extracting(JurisdictionPack::code)
                .containsExactlyInAnyOrder("GB", "MT", "CA-ON", "SE", "DK", "DE", "ES", "US-NJ");
        for (JurisdictionPack pack : packs) {
            for (Rule<?> rule : Rule.ALL) {
                assertThat(pack.source(rule)).as(pack.code() + " " + rule.key()).hasSizeGreaterThan(10);
            }
        }
        JurisdictionPack germany = packs.stream().filter(pack -> pack.code().equals("DE")).findFirst().orElseThrow();
        assertThat(germany.rules().get(Rule.DEPOSIT_CAPS).monthly()).isEqualTo(OptionalLong.of(100_000));
        assertThat(germany.rules().get(Rule.CROSS_OPERATOR_LIMIT_REGISTER)).contains("LUGAS");
        assertThat(germany.rules().get(Rule.IN_PLAY_MARKET_TYPES).allows("total_corners")).isFalse();
        JurisdictionPack newJersey = packs.stream().filter(pack -> pack.code().equals("US-NJ")).findFirst().orElseThrow();
        assertThat(newJersey.minimumAge()).isEqualTo(21);
        assertThat(newJersey.currency()).isEqualTo("USD");
        JurisdictionPack denmark = packs.stream().filter(pack -> pack.code().equals("DK")).findFirst().orElseThrow();
        assertThat(denmark.rules().get(Rule.KYC_TIMING)).isEqualTo(KycTiming.DEPOSIT_THRESHOLD);
    }

    @Test
    void theCatalogueLoadsThePacksPackagedIntoTheJar() {
        TemplateCatalog catalog = new TemplateCatalog(JSON);

        assertThat(catalog.jurisdictionCodes()).containsExactlyInAnyOrder("GB", "MT", "CA-ON", "SE", "DK", "DE", "ES", "US-NJ");
    }

    @Test
    void theSchemaAndTheRuleCatalogueNameTheSameRules() {
        JsonNode rules = JSON.readTree(read(FOLDER.resolve("rule-pack.schema.json"))).at("/properties/rules");
        List<String> required = new ArrayList<>();
        rules.get("required").forEach(node -> required.add(node.asString()));

        assertThat(rules.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(Rule.ALL.stream().map(Rule::key).toList());
        assertThat(required).containsExactlyInAnyOrderElementsOf(Rule.ALL.stream().map(Rule::key).toList());
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingItsPath() {
        assertThatThrownBy(() -> loadBroken(pack -> rule(pack, "minimumAge").put("value", "eighteen")))
                .isInstanceOf(RulePackLoader.InvalidRulePack.class)
                .hasMessageContaining("GB.json")
                .satisfies(e -> assertThat(((RulePackLoader.InvalidRulePack) e).failures())
                        .anySatisfy(failure -> assertThat(failure).startsWith("/rules/minimumAge/value")));
    }

    @Test
    void aRuleWithoutItsSourceIsRefused() {
        assertThatThrownBy(() -> loadBroken(pack -> rule(pack, "inPlayAllowed").remove("source")))
                .satisfies(e -> assertThat(((RulePackLoader.InvalidRulePack) e).failures())
                        .anySatisfy(failure -> assertThat(failure).startsWith("/rules/inPlayAllowed").contains("source")));
    }

    @Test
    void aMissingRuleAndAnUnknownRuleAreRefused() {
        assertThatThrownBy(() -> loadBroken(pack -> {
            ((ObjectNode) pack.get("rules")).remove("betDelaySecondsInPlay");
            ((ObjectNode) pack.get("rules")).putObject("happyHour").put("value", true).put("source", "marketing");
        })).satisfies(e -> assertThat(((RulePackLoader.InvalidRulePack) e).failures())
                .anySatisfy(failure -> assertThat(failure).startsWith("/rules").contains("betDelaySecondsInPlay"))
                .anySatisfy(failure -> assertThat(failure).startsWith("/rules").contains("happyHour")));
    }

    @Test
    void aDepositThresholdTimingWithoutAThresholdIsRefused() {
        assertThatThrownBy(() -> loadBroken(pack -> rule(pack, "kycTiming").put("value", "deposit_threshold")))
                .satisfies(e -> assertThat(((RulePackLoader.InvalidRulePack) e).failures())
                        .anySatisfy(failure -> assertThat(failure).startsWith("/rules/kycDepositThresholdMinor/value")));
    }

    @Test
    void aNegativeCapAndAnUnknownBetTypeAreRefused() {
        assertThatThrownBy(() -> loadBroken(pack -> {
            ((ObjectNode) rule(pack, "depositCapsMinor").get("value")).put("monthly", -1);
            rule(pack, "allowedBetTypes").putArray("value").add("single").add("lottery");
        })).satisfies(e -> assertThat(((RulePackLoader.InvalidRulePack) e).failures())
                .anySatisfy(failure -> assertThat(failure).startsWith("/rules/depositCapsMinor/value/monthly"))
                .anySatisfy(failure -> assertThat(failure).startsWith("/rules/allowedBetTypes/value/1")));
    }

    @Test
    void realityCheckBoundsThatContradictThemselvesAreRefusedAfterTheSchema() {
        assertThatThrownBy(() -> loadBroken(pack -> ((ObjectNode) rule(pack, "realityCheckMinutes").get("value")).put("default", 500)))
                .satisfies(e -> assertThat(((RulePackLoader.InvalidRulePack) e).failures())
                        .anySatisfy(failure -> assertThat(failure).startsWith("/rules").contains("realityCheckMinutes")));
    }

    @Test
    void aPackMustBeNamedAfterItsCode() {
        String text = read(FOLDER.resolve("GB.json"));

        assertThatThrownBy(() -> loader.load("UK.json", text))
                .satisfies(e -> assertThat(((RulePackLoader.InvalidRulePack) e).failures()).singleElement().asString().startsWith("/code"));
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> loader.load("GB.json", "{\"code\": \"GB\", "))
                .isInstanceOf(RulePackLoader.InvalidRulePack.class).hasMessageContaining("not JSON");
    }

    private JurisdictionPack loadBroken(Consumer<ObjectNode> breakIt) {
        ObjectNode pack = (ObjectNode) JSON.readTree(read(FOLDER.resolve("GB.json")));
        breakIt.accept(pack);
        return loader.load("GB.json", JSON.writeValueAsString(pack));
    }

    private static ObjectNode rule(ObjectNode pack, String key) {
        return (ObjectNode) pack.get("rules").get(key);
    }

    private static List<Path> shippedPacks() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".json") && !file.toString().endsWith(".schema.json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
