package com.sportsbook.runtime.compliance.rules;

import static com.sportsbook.runtime.compliance.rules.ShippedPacks.pack;
import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.rules.KycTiming;
import com.sportsbook.commons.rules.RealityCheck;
import com.sportsbook.commons.rules.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A brand licensed in several jurisdictions applies, rule by rule, the strictest of them (shipped packs). */
class BrandRulesTest {

    @Test
    void germanyWithSwedenTakesGermanysCapsCoolingOffMarketsAndRegisterAndSwedensRegisterToo() {
        BrandRules rules = BrandRules.strictest("nordic-de", 0, List.of(pack("SE"), pack("DE")));

        assertThat(rules.jurisdictions()).containsExactly("SE", "DE");
        assertThat(rules.minimumAge()).isEqualTo(18);
        assertThat(rules.kycTiming()).isEqualTo(KycTiming.BEFORE_PLAY);
        assertThat(rules.depositLimitRequiredAtRegistration()).isTrue();
        assertThat(rules.limitIncreaseCoolingOff()).as("DE's 7 days over SE's 72 hours").isEqualTo(Duration.ofDays(7));
        assertThat(rules.nationalRegisters()).containsExactly("SPELPAUS", "OASIS");
        assertThat(rules.crossOperatorLimitRegisters()).containsExactly("LUGAS");
        assertThat(rules.parallelPlayAllowed()).isFalse();
        assertThat(rules.allowsBetShape("single")).isTrue();
        assertThat(rules.allowsBetShape("yankee")).isTrue();
        assertThat(rules.betTypes().allows("bet_builder")).as("SE allows it, DE does not").isFalse();
        assertThat(rules.allowsMarket("total_corners", false)).isFalse();
        assertThat(rules.allowsMarket("total", false)).isTrue();
        assertThat(rules.allowsMarket("total", true)).as("DE: in play only final-result markets").isFalse();
        assertThat(rules.allowsMarket("1x2", true)).isTrue();
        assertThat(rules.excludedEvents()).containsExactlyInAnyOrder("minors_participating", "amateur_sport");
        assertThat(rules.depositCaps().monthly().in("EUR")).isEqualTo(OptionalLong.of(100_000));
        assertThat(rules.depositCaps().monthly().in("SEK")).as("no SEK cap is invented").isEmpty();
        assertThat(rules.depositCaps().daily().isEmpty()).isTrue();
        assertThat(rules.realityCheck()).contains(new RealityCheck(10, 60, 60));
        assertThat(rules.selfExclusionPeriods().months()).as("none shorter than DE's 3 months").containsExactly(3, 6, 12);
        assertThat(rules.selfExclusionPeriods().indefinite()).isTrue();
        assertThat(rules.taxes()).containsEntry("DE", new BrandRules.Tax("stakes", new BigDecimal("5")))
                .containsEntry("SE", new BrandRules.Tax("ggr", new BigDecimal("22")));
    }

    @Test
    void newJerseyWithOntarioIsTwentyOneAndExcludesEveryEventKindEitherExcludes() {
        BrandRules rules = BrandRules.strictest("north-america", 0, List.of(pack("CA-ON"), pack("US-NJ")));

        assertThat(rules.minimumAge()).isEqualTo(21);
        assertThat(rules.excludedEvents()).containsExactlyInAnyOrder("minors_participating",
                "collegiate_events_in_jurisdiction", "collegiate_teams_of_jurisdiction");
        assertThat(rules.limitIncreaseCoolingOff()).isEqualTo(Duration.ofHours(72));
        assertThat(rules.selfExclusionPeriods().months()).as("NJ's shortest is a year").containsExactly(12, 60);
        assertThat(rules.nationalRegisters()).containsExactly("NJ_DGE_SELF_EXCLUSION");
    }

    @Test
    void kycAtADepositThresholdKeepsEachCurrencysThresholdUnlessAnotherJurisdictionVerifiesBeforePlay() {
        BrandRules maltaDenmark = BrandRules.strictest("md", 0, List.of(pack("MT"), pack("DK")));
        BrandRules maltaBritain = BrandRules.strictest("mb", 0, List.of(pack("MT"), pack("GB")));

        assertThat(maltaDenmark.kycTiming()).isEqualTo(KycTiming.DEPOSIT_THRESHOLD);
        assertThat(maltaDenmark.kycDepositThreshold().byCurrency()).isEqualTo(Map.of("EUR", 200_000L, "DKK", 1_000_000L));
        assertThat(maltaBritain.kycTiming()).isEqualTo(KycTiming.BEFORE_PLAY);
        assertThat(maltaBritain.kycDepositThreshold().isEmpty()).isTrue();
    }

    @Test
    void capsInOneCurrencyTakeTheLowestPerPeriodAndRetentionTheLongest() {
        BrandRules rules = BrandRules.strictest("iberia-de", 0, List.of(pack("ES"), pack("DE")));

        assertThat(rules.depositCaps().daily().in("EUR")).isEqualTo(OptionalLong.of(60_000));
        assertThat(rules.depositCaps().weekly().in("EUR")).isEqualTo(OptionalLong.of(150_000));
        assertThat(rules.depositCaps().monthly().in("EUR")).as("DE's 1,000 under ES's 3,000").isEqualTo(OptionalLong.of(100_000));
        assertThat(rules.dataRetentionYears()).as("ES keeps 10 years").isEqualTo(10);
        assertThat(rules.maxStakePerBet().isEmpty()).isTrue();
    }

    @Test
    void aTenantsStricterOverrideWinsOverEveryPackAndInPlayStopsIfOneJurisdictionStopsIt() {
        BrandRules rules = BrandRules.strictest("demo", 4, List.of(
                pack("MT").with(Rule.MINIMUM_AGE, 21).with(Rule.IN_PLAY_ALLOWED, false),
                pack("GB")));

        assertThat(rules.ruleVersion()).isEqualTo(4);
        assertThat(rules.minimumAge()).isEqualTo(21);
        assertThat(rules.inPlayAllowed()).isFalse();
        assertThat(rules.allowsMarket("1x2", true)).isFalse();
        assertThat(rules.allowsMarket("1x2", false)).isTrue();
    }

    @Test
    void aSingleJurisdictionIsItsOwnStrictest() {
        BrandRules gb = BrandRules.strictest("gb", 0, List.of(pack("GB")));

        assertThat(gb.minimumAge()).isEqualTo(18);
        assertThat(gb.timeOut().maxDays()).isEqualTo(42);
        assertThat(gb.selfExclusionPeriods().months()).containsExactly(6, 12, 60);
        assertThat(gb.inPlayBetDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(gb.reportFormats()).containsEntry("GB", List.of("csv", "json"));
    }
}
