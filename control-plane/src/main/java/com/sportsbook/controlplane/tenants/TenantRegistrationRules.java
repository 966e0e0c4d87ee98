package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.HostNames;
import com.sportsbook.commons.TenantSlug;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a registration must pass beyond presence and length: slug and host syntax, ISO 4217 currencies,
 * BCP 47 languages, jurisdictions and themes that exist as templates. Pure: the catalog's contents come in.
 */
final class TenantRegistrationRules {

    private static final Pattern CURRENCY_CODE = Pattern.compile("^[A-Z]{3}$");
    /** Precious metals, funds and test codes are ISO 4217 entries, but nobody bets in them. */
    private static final Set<String> NON_BETTING_CURRENCIES = Set.of(
            "XAU", "XAG", "XPT", "XPD", "XDR", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "BOV", "CLF",
            "COU", "MXV", "USN", "UYI", "UYW", "CHE", "CHW");
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private final Set<String> jurisdictions;
    private final Set<String> themes;
    private final Set<String> platformHosts;

    TenantRegistrationRules(Set<String> jurisdictions, Set<String> themes, Set<String> platformHosts) {
        this.jurisdictions = jurisdictions;
        this.themes = themes;
        this.platformHosts = platformHosts;
    }

    List<FieldError> check(TenantRegistration registration) {
        List<FieldError> errors = new ArrayList<>();
        if (!TenantSlug.isValid(registration.slug())) {
            errors.add(new FieldError("slug",
                    "must be 3-40 lower-case letters, digits and single hyphens, start with a letter, and not be reserved"));
        }
        if (registration.brandSlug() != null && !registration.brandSlug().isBlank()
                && !TenantSlug.isValid(registration.brandSlug())) {
            errors.add(new FieldError("brand.slug", "must follow the same rules as the tenant slug"));
        }
        checkBrandName(registration.brandName(), errors);
        checkHosts(registration.hosts(), errors);
        checkCurrencies(registration.currencies(), registration.defaultCurrency(), errors);
        checkLanguages(registration.languages(), errors);
        for (int i = 0; i < registration.jurisdictions().size(); i++) {
            String code = registration.jurisdictions().get(i);
            if (!jurisdictions.contains(code)) {
                errors.add(new FieldError("brand.jurisdictions[" + i + "]",
                        "unknown jurisdiction '" + code + "'; available: " + String.join(", ", jurisdictions)));
            }
        }
        BrandingRules.check(registration.branding(), "brand.branding", errors);
        if (!themes.contains(registration.effectiveTheme())) {
            errors.add(new FieldError("brand.theme", "unknown theme; available: " + String.join(", ", themes)));
        }
        return errors;
    }

    private void checkHosts(List<String> hosts, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i);
            String field = "brand.hosts[" + i + "]";
            if (host == null || !HostNames.isValidBrandHost(host)) {
                errors.add(new FieldError(field, "must be a lower-case DNS name of at least two labels, without port or scheme"));
            } else if (platformHosts.contains(host)) {
                errors.add(new FieldError(field, "is reserved for the platform"));
            } else if (!seen.add(host)) {
                errors.add(new FieldError(field, "is listed twice"));
            }
        }
    }

    static void checkBrandName(String name, List<FieldError> errors) {
        if (name != null && CONTROL_CHARACTERS.matcher(name).find()) {
            errors.add(new FieldError("brand.name", "must not contain control characters"));
        }
    }

    static void checkCurrencies(List<String> currencies, String defaultCurrency, List<FieldError> errors) {
        for (int i = 0; i < currencies.size(); i++) {
            if (!isBettingCurrency(currencies.get(i))) {
                errors.add(new FieldError("brand.currencies[" + i + "]", "must be an ISO 4217 currency code with minor units"));
            }
        }
        if (new HashSet<>(currencies).size() != currencies.size()) {
            errors.add(new FieldError("brand.currencies", "must not list a currency twice"));
        }
        if (defaultCurrency != null && !currencies.contains(defaultCurrency)) {
            errors.add(new FieldError("brand.defaultCurrency", "must be one of the brand's currencies"));
        }
    }

    static boolean isBettingCurrency(String code) {
        if (code == null || !CURRENCY_CODE.matcher(code).matches() || NON_BETTING_CURRENCIES.contains(code)) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void checkLanguages(List<String> languages, List<FieldError> errors) {
        for (int i = 0; i < languages.size(); i++) {
            String tag = languages.get(i);
            if (!isLanguageTag(tag)) {
                errors.add(new FieldError("brand.languages[" + i + "]", "must be a BCP 47 language tag such as en or pt-BR"));
            }
        }
    }

    private static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 12) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return !locale.getLanguage().isEmpty()
                    && Set.of(Locale.getISOLanguages()).contains(locale.getLanguage())
                    && locale.toLanguageTag().equalsIgnoreCase(tag);
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
