package com.sportsbook.runtime.identity;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of a registration the runtime makes itself: legal age for the brand's jurisdictions, a real country,
 * a currency the brand offers. The password policy is the realm's, checked by Keycloak. Pure.
 */
final class RegistrationRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    record Rejection(String code, String field, String message) {
    }

    private RegistrationRules() {
    }

    static List<Rejection> check(PlayerRegistration registration, int minimumAge, List<String> brandCurrencies,
            LocalDate today) {
        List<Rejection> rejections = new ArrayList<>();
        LocalDate born = registration.dateOfBirth();
        if (born.isAfter(today)) {
            rejections.add(new Rejection("validation_failed", "dateOfBirth", "must be in the past"));
        } else if (Period.between(born, today).getYears() < minimumAge) {
            rejections.add(new Rejection("underage", "dateOfBirth",
                    "you must be at least " + minimumAge + " to play on this brand"));
        } else if (Period.between(born, today).getYears() > 120) {
            rejections.add(new Rejection("validation_failed", "dateOfBirth", "is not a plausible date of birth"));
        }
        if (!COUNTRIES.contains(registration.country())) {
            rejections.add(new Rejection("validation_failed", "country", "must be an ISO 3166-1 alpha-2 country code"));
        }
        if (!brandCurrencies.contains(registration.currency())) {
            rejections.add(new Rejection("currency_not_offered", "currency",
                    "this brand offers " + String.join(", ", brandCurrencies)));
        }
        return rejections;
    }
}
