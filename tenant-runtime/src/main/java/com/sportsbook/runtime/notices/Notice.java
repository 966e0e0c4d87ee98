package com.sportsbook.runtime.notices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "notice")
class Notice {

    @Id
    private UUID id;

    @Column(name = "brand_slug", nullable = false)
    private String brandSlug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected Notice() {
    }

    Notice(String brandSlug, String title, String body, Instant now) {
        this.id = UUID.randomUUID();
        this.brandSlug = brandSlug;
        this.title = title;
        this.body = body;
        this.publishedAt = now;
    }

    UUID id() {
        return id;
    }

    String brandSlug() {
        return brandSlug;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    Instant publishedAt() {
        return publishedAt;
    }
}
