package com.sportsbook.runtime.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.util.UnleashConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime asks Unleash's SDK with the tenant, the brand and each of the brand's jurisdictions, on the flags the
 * control plane publishes (this document is the shape of {@code GET /internal/flags/snapshot}, loaded the way the
 * SDK bootstraps).
 */
class UnleashFeaturesTest {

    /** cash-out: tenant "alpha" by name, plus every tenant whose brands are licensed only in Malta; system-bets: killed. */
    private static final String SNAPSHOT = """
            {"version": 2, "features": [
              {"name": "cash-out", "type": "release", "enabled": true, "project": "default", "stale": false, "impressionData": false,
               "strategies": [
                 {"name": "flexibleRollout", "constraints": [{"contextName": "tenantId", "operator": "IN", "values": ["alpha"],
                   "caseInsensitive": false, "inverted": false}],
                  "parameters": {"rollout": "100", "stickiness": "tenantId", "groupId": "cash-out"}, "variants": []},
                 {"name": "flexibleRollout", "constraints": [{"contextName": "jurisdiction", "operator": "IN", "values": ["MT"],
                   "caseInsensitive": false, "inverted": false}],
                  "parameters": {"rollout": "100", "stickiness": "tenantId", "groupId": "cash-out"}, "variants": []}],
               "variants": []},
              {"name": "system-bets", "type": "release", "enabled": false, "project": "default", "stale": false, "impressionData": false,
               "strategies": [{"name": "flexibleRollout", "constraints": [],
                  "parameters": {"rollout": "100", "stickiness": "tenantId", "groupId": "system-bets"}, "variants": []}],
               "variants": []}]}""";

    private static final Map<String, List<String>> BRANDS = Map.of("alpha-bet", List.of("GB"), "beta-bet", List.of("MT"),
            "gamma-bet", List.of("MT", "GB"));

    private Unleash unleash;
    private Path backup;

    private Features features(String snapshot) throws Exception {
        backup = Files.createTempFile("unleash-test", ".json");
        Files.delete(backup);
        unleash = new DefaultUnleash(UnleashConfig.builder().appName("runtime-test").unleashAPI("http://127.0.0.1:9/api/")
                .disablePolling().disableMetrics().backupFile(backup.toString())
                .toggleBootstrapProvider(() -> Optional.ofNullable(snapshot)).build());
        return new UnleashFeatures(unleash, brand -> BRANDS.getOrDefault(brand, List.of()));
    }

    @AfterEach
    void shutdown() throws Exception {
        if (unleash != null) {
            unleash.shutdown();
            Files.deleteIfExists(backup);
        }
    }

    @Test
    void aTenantNamedInTheRolloutHasTheFeatureOnEveryBrand() throws Exception {
        Features features = features(SNAPSHOT);

        assertThat(features.enabled(Feature.CASH_OUT, "alpha", "alpha-bet")).isTrue();
        assertThat(features.enabled(Feature.CASH_OUT, "delta", "alpha-bet")).as("another tenant, a GB brand").isFalse();
    }

    @Test
    void aJurisdictionRolloutReachesABrandOnlyIfEveryOneOfItsJurisdictionsIsListed() throws Exception {
        Features features = features(SNAPSHOT);

        assertThat(features.enabled(Feature.CASH_OUT, "beta", "beta-bet")).as("Malta only").isTrue();
        assertThat(features.enabled(Feature.CASH_OUT, "beta", "gamma-bet")).as("Malta and Great Britain").isFalse();
    }

    @Test
    void aKilledFlagIsOffForEveryone() throws Exception {
        Features features = features(SNAPSHOT);

        assertThat(features.enabled(Feature.SYSTEM_BETS, "alpha", "alpha-bet")).isFalse();
        assertThat(features.enabled(Feature.SYSTEM_BETS, "beta", "beta-bet")).isFalse();
    }

    @Test
    void withoutAnyFlagsTheGatedFeaturesKeepTheirDefaults() throws Exception {
        Features features = features(null);

        assertThat(features.enabled(Feature.CASH_OUT, "alpha", "alpha-bet")).isTrue();
        assertThat(features.enabled(Feature.SYSTEM_BETS, "alpha", "alpha-bet")).isTrue();
    }
}
