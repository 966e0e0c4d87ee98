package com.sportsbook.controlplane.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantRegistrationRulesTest {

    private final TenantRegistrationRules rules =
            new TenantRegistrationRules(Set.of("GB", "MT"), Set.of("demo"), Set.of("platform.localhost"));

    static TenantRegistration aRegistration() {
        return new TenantRegistration("acme", "Acme Ltd", "ops@acme.test", null, null, "Acme Bet",
                List.of("acme.localhost", "www.acme-bet.com"), null, "EUR", List.of("EUR", "GBP"), List.of("en", "pt-BR"),
                List.of("MT"));
    }

    private static TenantRegistration withHosts(List<String> hosts) {
        TenantRegistration r = aRegistration();
        return new TenantRegistration(r.slug(), r.operatorName(), r.operatorEmail(), null, r.brandSlug(), r.brandName(), hosts,
                r.theme(), r.defaultCurrency(), r.currencies(), r.languages(), r.jurisdictions());
    }

    private static TenantRegistration withCurrencies(String defaultCurrency, List<String> currencies) {
        TenantRegistration r = aRegistration();
        return new TenantRegistration(r.slug(), r.operatorName(), r.operatorEmail(), null, r.brandSlug(), r.brandName(), r.hosts(),
                r.theme(), defaultCurrency, currencies, r.languages(), r.jurisdictions());
    }

    private List<String> fieldsIn(TenantRegistration registration) {
        return rules.check(registration).stream().map(FieldError::field).toList();
    }

    @Test
    void aWellFormedRegistrationPasses() {
        assertThat(rules.check(aRegistration())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "http://acme.com", "acme.com:8080", "ACME.COM", "acme_bet.com", "-acme.com", "10.0.0.1"})
    void refusesHostsThatAreNotPlainDnsNames(String host) {
        assertThat(fieldsIn(withHosts(List.of(host)))).containsExactly("brand.hosts[0]");
    }

    @Test
    void refusesThePlatformsOwnHostAndDuplicates() {
        assertThat(fieldsIn(withHosts(List.of("acme.localhost", "platform.localhost", "acme.localhost"))))
                .containsExactly("brand.hosts[1]", "brand.hosts[2]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EURO", "eur", "ABC", "XAU", "XTS"})
    void refusesCodesThatAreNotBettingCurrencies(String code) {
        assertThat(fieldsIn(withCurrencies("EUR", List.of("EUR", code)))).containsExactly("brand.currencies[1]");
    }

    @Test
    void theDefaultCurrencyMustBeOneOfTheBrands() {
        assertThat(fieldsIn(withCurrencies("USD", List.of("EUR")))).containsExactly("brand.defaultCurrency");
    }

    @Test
    void refusesUnknownJurisdictionsThemesLanguagesAndSlugs() {
        TenantRegistration r = new TenantRegistration("Acme!", "Acme Ltd", "ops@acme.test", null, null, "Acme Bet",
                List.of("acme.localhost"), "neon", "EUR", List.of("EUR"), List.of("english"), List.of("XX"));

        assertThat(fieldsIn(r)).containsExactlyInAnyOrder(
                "slug", "brand.languages[0]", "brand.jurisdictions[0]", "brand.theme");
    }

    @Test
    void refusesControlCharactersInTheBrandName() {
        TenantRegistration r = aRegistration();
        TenantRegistration bad = new TenantRegistration(r.slug(), r.operatorName(), r.operatorEmail(), null, null,
                "Acme\u0000Bet", r.hosts(), null, r.defaultCurrency(), r.currencies(), r.languages(), r.jurisdictions());

        assertThat(fieldsIn(bad)).containsExactly("brand.name");
    }
}
