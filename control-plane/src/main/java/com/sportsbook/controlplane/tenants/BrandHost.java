package com.sportsbook.controlplane.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A host name reserved for a brand; the gateway routes it only once provisioning has marked it routed. */
@Entity
@Table(name = "brand_host")
class BrandHost {

    @Id
    private String host;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "brand_id")
    private Brand brand;

    @Column(name = "routed_at")
    private Instant routedAt;

    protected BrandHost() {
    }

    BrandHost(String host, Brand brand) {
        this.host = host;
        this.brand = brand;
    }

    void markRouted(Instant now) {
        if (routedAt == null) {
            routedAt = now;
        }
    }

    String host() {
        return host;
    }

    boolean routed() {
        return routedAt != null;
    }
}
