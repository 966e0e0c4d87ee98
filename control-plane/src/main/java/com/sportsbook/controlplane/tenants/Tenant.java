package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.TenantStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One operator's tenancy: one schema, one identity realm, one or more brands. */
@Entity
@Table(name = "tenant")
class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String slug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "operator_id")
    private Operator operator;

    @Column(nullable = false)
    private String status;

    @Column(name = "schema_name", nullable = false, unique = true)
    private String schemaName;

    @Column(name = "database_cell", nullable = false)
    private String databaseCell;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "tenant", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    private List<Brand> brands = new ArrayList<>();

    protected Tenant() {
    }

    Tenant(String slug, Operator operator, String schemaName, String databaseCell, Instant now) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.operator = operator;
        this.status = TenantStatus.PROVISIONING.wireName();
        this.schemaName = schemaName;
        this.databaseCell = databaseCell;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void addBrand(Brand brand) {
        brands.add(brand);
    }

    void moveTo(TenantStatus target, Instant now) {
        this.status = target.wireName();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    Operator operator() {
        return operator;
    }

    TenantStatus status() {
        return TenantStatus.fromWireName(status);
    }

    String schemaName() {
        return schemaName;
    }

    String databaseCell() {
        return databaseCell;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<Brand> brands() {
        return brands;
    }
}
