package com.sportsbook.runtime.identity;

import java.time.LocalDate;

/** What a person gives to open an account on a brand. */
public record PlayerRegistration(String email, String password, String firstName, String lastName, LocalDate dateOfBirth,
        String country, String currency) {
}
