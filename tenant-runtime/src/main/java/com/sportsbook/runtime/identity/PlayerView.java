package com.sportsbook.runtime.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A player's profile as the API shows it. */
public record PlayerView(UUID id, String brand, String email, String firstName, String lastName, LocalDate dateOfBirth,
        String country, String currency, String status, Instant registeredAt) {
}
