package com.sportsbook.controlplane.flags.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.getunleash.engine.Context;
import io.getunleash.engine.UnleashEngine;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control plane's evaluation of a flag is Unleash's: the same client-features document the control plane
 * publishes (and pushes to Unleash) is handed to Unleash's own engine (Yggdrasil, as unleash-client-java runs it),
 * and for any tenant, rollout and brand jurisdictions both answer alike. Without that, the platform console would
 * show one set of tenants and the runtimes serve another.
 */
class StickyHashAgreesWithUnleashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> JURISDICTIONS = List.of("MT", "GB", "SE", "DK", "DE", "ES", "CA-ON", "US-NJ");

    private final UnleashEngine engine = new UnleashEngine();

    @Property(tries = 400)
    void theControlPlaneAndUnleashsEngineAgreeForEveryTenantAndRollout(@ForAll("slugs") String tenant,
            @ForAll @IntRange(min = 0, max = 100) int percentage, @ForAll("someSlugs") List<String> named,
            @ForAll("someJurisdictions") List<String> rolloutJurisdictions, @ForAll("someJurisdictions") List<String> brandJurisdictions,
            @ForAll boolean killed, @ForAll("keys") String key) throws Exception {
        Flag flag = new Flag(new FlagKey(key), "a flag", new Rollout(named, percentage, rolloutJurisdictions), killed, 1);
        engine.takeState(JSON.writeValueAsString(UnleashShape.clientFeatures(List.of(flag))));

        boolean unleash = unleashSays(key, tenant, brandJurisdictions);

        assertThat(flag.enabledFor(tenant, brandJurisdictions)).as("control plane vs Unleash for %s on %s", tenant, brandJurisdictions)
                .isEqualTo(unleash);
    }

    @Property(tries = 300)
    void theBucketIsUnleashsForAnyStickinessValue(@ForAll @Size(max = 40) String anyTenantId, @ForAll("keys") String key,
            @ForAll @IntRange(min = 0, max = 100) int percentage) throws Exception {
        Flag flag = new Flag(new FlagKey(key), "a flag", new Rollout(List.of(), percentage, List.of()), false, 1);
        engine.takeState(JSON.writeValueAsString(UnleashShape.clientFeatures(List.of(flag))));

        assertThat(StickyHash.withinPercentage(percentage, key, anyTenantId)).isEqualTo(unleashSays(key, anyTenantId, List.of()));
    }

    @Example
    void knownBucketsOfUnleashsClientSpecification() {
        // what Unleash's Node implementation (murmurhash3js, as its SDK tests pin them) gives for these ids and groups
        assertThat(StickyHash.bucket("gr1", "123")).isEqualTo(73);
        assertThat(StickyHash.bucket("groupX", "999")).isEqualTo(25);
    }

    private boolean unleashSays(String key, String tenant, List<String> brandJurisdictions) throws Exception {
        if (brandJurisdictions.isEmpty()) {
            return isEnabled(key, Map.of(UnleashShape.TENANT_FIELD, tenant));
        }
        for (String jurisdiction : brandJurisdictions) {
            if (!isEnabled(key, Map.of(UnleashShape.TENANT_FIELD, tenant, UnleashShape.JURISDICTION_FIELD, jurisdiction))) {
                return false;
            }
        }
        return true;
    }

    private boolean isEnabled(String key, Map<String, String> properties) throws Exception {
        Context context = new Context();
        context.setProperties(properties);
        Boolean enabled = engine.isEnabled(key, context).value;
        return Boolean.TRUE.equals(enabled);
    }

    @Provide
    Arbitrary<String> slugs() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(30)
                .map(tail -> "t" + tail.replaceAll("-+", "-").replaceAll("-$", ""));
    }

    @Provide
    Arbitrary<List<String>> someSlugs() {
        return slugs().list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> someJurisdictions() {
        return Arbitraries.of(JURISDICTIONS).list().uniqueElements().ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("cash-out", "system-bets", "in-play-betting", "x1", "bet-builder-v2");
    }
}
