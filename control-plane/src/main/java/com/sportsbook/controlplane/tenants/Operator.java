package com.sportsbook.controlplane.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A licensed company that rents the platform. */
@Entity
@Table(name = "operator")
class Operator {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "contact_email", nullable = false)
    private String contactEmail;

    /** The operator's account in the platform realm (its token subject); null when platform staff created it. */
    @Column(name = "account_subject")
    private String accountSubject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Operator() {
    }

    Operator(String name, String contactEmail, String accountSubject, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.contactEmail = contactEmail;
        this.accountSubject = accountSubject;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String contactEmail() {
        return contactEmail;
    }

    String accountSubject() {
        return accountSubject;
    }
}
