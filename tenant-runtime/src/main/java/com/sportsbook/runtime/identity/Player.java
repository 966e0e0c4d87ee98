package com.sportsbook.runtime.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A player account on one brand, linked to its user in the tenant's Keycloak realm. */
@Entity
@Table(name = "player")
class Player {

    @Id
    private UUID id;

    @Column(name = "identity_user_id", nullable = false, unique = true)
    private String identityUserId;

    @Column(name = "brand_slug", nullable = false)
    private String brandSlug;

    @Column(nullable = false)
    private String email;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Column(nullable = false)
    private String country;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Player() {
    }

    Player(String identityUserId, String brandSlug, PlayerRegistration registration, Instant now) {
        this.id = UUID.randomUUID();
        this.identityUserId = identityUserId;
        this.brandSlug = brandSlug;
        this.email = registration.email().toLowerCase(java.util.Locale.ROOT);
        this.firstName = registration.firstName();
        this.lastName = registration.lastName();
        this.dateOfBirth = registration.dateOfBirth();
        this.country = registration.country();
        this.currency = registration.currency();
        this.status = PlayerStatus.ACTIVE.wireName();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void moveTo(PlayerStatus target, Instant now) {
        this.status = target.wireName();
        this.updatedAt = now;
    }

    PlayerView view() {
        return new PlayerView(id, brandSlug, email, firstName, lastName, dateOfBirth, country, currency,
                PlayerStatus.fromWireName(status).wireName(), createdAt);
    }

    UUID id() {
        return id;
    }

    String identityUserId() {
        return identityUserId;
    }

    PlayerStatus status() {
        return PlayerStatus.fromWireName(status);
    }
}
