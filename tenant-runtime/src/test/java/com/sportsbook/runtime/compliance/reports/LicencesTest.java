package com.sportsbook.runtime.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LicencesTest {

    private final Licences licences = Licences.of(Map.of("demo", List.of("MT", "GB"), "nordic", List.of("SE"),
            "americas", List.of("CA-ON", "US-NJ")));

    @Test
    void theTenantHoldsEveryJurisdictionOfItsBrandsInAlphabeticalOrder() {
        assertThat(licences.held()).containsExactly("CA-ON", "GB", "MT", "SE", "US-NJ");
        assertThat(licences.holds("GB")).isTrue();
        assertThat(licences.holds("DE")).isFalse();
    }

    @Test
    void aBrandWithOneLicenceTakesEveryPlayerWhereverTheyRegistered() {
        assertThat(licences.of("nordic", "SE")).isEqualTo("SE");
        assertThat(licences.of("nordic", "DE")).isEqualTo("SE");
        assertThat(licences.of("nordic", null)).isEqualTo("SE");
    }

    @Test
    void onABrandWithSeveralLicencesThePlayersCountryDecidesElseTheBrandsPrimaryLicence() {
        assertThat(licences.of("demo", "GB")).isEqualTo("GB");
        assertThat(licences.of("demo", "gb")).isEqualTo("GB");
        assertThat(licences.of("demo", "MT")).isEqualTo("MT");
        assertThat(licences.of("demo", "DE")).as("not a licence of the brand: the primary one").isEqualTo("MT");
        assertThat(licences.of("americas", "US")).as("a state's licence counts for its country").isEqualTo("US-NJ");
        assertThat(licences.of("americas", "CA")).isEqualTo("CA-ON");
    }

    @Test
    void aRecordOfAnUnknownBrandFallsUnderNoLicence() {
        assertThat(licences.of("gone", "GB")).isNull();
        assertThat(licences.of(null, "GB")).isNull();
    }

    @Test
    void aJurisdictionCodeIsACountryOrACountrysSubdivision() {
        assertThat(Licences.isJurisdictionCode("GB")).isTrue();
        assertThat(Licences.isJurisdictionCode("US-NJ")).isTrue();
        assertThat(Licences.isJurisdictionCode("XX")).isFalse();
        assertThat(Licences.isJurisdictionCode("GBR")).isFalse();
        assertThat(Licences.isJurisdictionCode("G1")).isFalse();
    }
}
