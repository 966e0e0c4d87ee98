package com.sportsbook.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static PlayerRegistration bornOn(LocalDate dateOfBirth) {
        return new PlayerRegistration("p@example.com", "Correct-Horse-42", "Pat", "Punter", dateOfBirth, "MT", "EUR");
    }

    private static List<String> codes(PlayerRegistration registration, int minimumAge) {
        return RegistrationRules.check(registration, minimumAge, List.of("EUR", "GBP"), TODAY).stream()
                .map(RegistrationRules.Rejection::code).toList();
    }

    @Test
    void aPlayerWhoseBirthdayIsTodayIsOfAge() {
        assertThat(codes(bornOn(LocalDate.of(2008, 11, 25)), 18)).isEmpty();
    }

    @Test
    void aPlayerOneDayShortOfTheMinimumAgeIsRefused() {
        assertThat(codes(bornOn(LocalDate.of(2008, 11, 26)), 18)).containsExactly("underage");
    }

    @Test
    void theBrandsStricterMinimumAgeApplies() {
        assertThat(codes(bornOn(LocalDate.of(2006, 1, 1)), 21)).containsExactly("underage");
        assertThat(codes(bornOn(LocalDate.of(2006, 1, 1)), 18)).isEmpty();
    }

    @Test
    void aFutureOrImplausibleDateOfBirthIsInvalid() {
        assertThat(codes(bornOn(TODAY.plusDays(1)), 18)).containsExactly("validation_failed");
        assertThat(codes(bornOn(LocalDate.of(1890, 1, 1)), 18)).containsExactly("validation_failed");
    }

    @Test
    void anUnknownCountryOrACurrencyTheBrandDoesNotOfferIsRefused() {
        PlayerRegistration registration =
                new PlayerRegistration("p@example.com", "x", "Pat", "Punter", LocalDate.of(1990, 1, 1), "XX", "USD");

        assertThat(codes(registration, 18)).containsExactly("validation_failed", "currency_not_offered");
    }
}
