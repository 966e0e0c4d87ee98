package com.sportsbook.controlplane.tenants;

import java.util.List;

/**
 * The command that creates an operator's tenant with its first brand. {@code operatorAccount} is the platform-realm
 * subject of the operator account asking, or null when platform staff register on an operator's behalf.
 */
public record TenantRegistration(
        String slug,
        String operatorName,
        String operatorEmail,
        String operatorAccount,
        String brandSlug,
        String brandName,
        List<String> hosts,
        String theme,
        String defaultCurrency,
        List<String> currencies,
        List<String> languages,
        List<String> jurisdictions,
        Branding branding) {

    /** A registration that keeps the theme template's colours, fonts and logo text. */
    public TenantRegistration(String slug, String operatorName, String operatorEmail, String operatorAccount,
            String brandSlug, String brandName, List<String> hosts, String theme, String defaultCurrency,
            List<String> currencies, List<String> languages, List<String> jurisdictions) {
        this(slug, operatorName, operatorEmail, operatorAccount, brandSlug, brandName, hosts, theme, defaultCurrency,
                currencies, languages, jurisdictions, null);
    }

    public TenantRegistration {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        currencies = currencies == null ? List.of() : List.copyOf(currencies);
        languages = languages == null ? List.of() : List.copyOf(languages);
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    }

    /** The brand slug to use: the one given, else the tenant slug. */
    public String effectiveBrandSlug() {
        return brandSlug == null || brandSlug.isBlank() ? slug : brandSlug;
    }

    /** The theme template to copy: the one given, else {@code demo}. */
    public String effectiveTheme() {
        return theme == null || theme.isBlank() ? "demo" : theme;
    }
}
