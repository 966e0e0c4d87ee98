package com.sportsbook.controlplane.tenants;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A skin of a tenant: its own hosts, theme, currencies, languages and jurisdictions. */
@Entity
@Table(name = "brand")
class Brand {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "theme_name", nullable = false)
    private String themeName;

    /** A copy of the theme taken at creation, so a later change of the template never restyles a live brand. */
    @Column(name = "theme_json", nullable = false)
    private String themeJson;

    @Column(name = "default_currency", nullable = false)
    private String defaultCurrency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> currencies;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> languages;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> jurisdictions;

    @OneToMany(mappedBy = "brand", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("host")
    private List<BrandHost> hosts = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Brand() {
    }

    Brand(Tenant tenant, String slug, String name, String themeName, String themeJson, String defaultCurrency,
            List<String> currencies, List<String> languages, List<String> jurisdictions, Instant now) {
        this.id = UUID.randomUUID();
        this.tenant = tenant;
        this.slug = slug;
        this.name = name;
        this.themeName = themeName;
        this.themeJson = themeJson;
        this.defaultCurrency = defaultCurrency;
        this.currencies = new ArrayList<>(currencies);
        this.languages = new ArrayList<>(languages);
        this.jurisdictions = new ArrayList<>(jurisdictions);
        this.createdAt = now;
    }

    Tenant tenant() {
        return tenant;
    }

    void rename(String name) {
        this.name = name;
    }

    void restyle(String themeJson) {
        this.themeJson = themeJson;
    }

    void offer(String defaultCurrency, List<String> currencies, List<String> languages) {
        this.defaultCurrency = defaultCurrency;
        this.currencies = new ArrayList<>(currencies);
        this.languages = new ArrayList<>(languages);
    }

    void addHost(String host) {
        hosts.add(new BrandHost(host, this));
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    String themeName() {
        return themeName;
    }

    String themeJson() {
        return themeJson;
    }

    String defaultCurrency() {
        return defaultCurrency;
    }

    List<String> currencies() {
        return currencies;
    }

    List<String> languages() {
        return languages;
    }

    List<String> jurisdictions() {
        return jurisdictions;
    }

    List<BrandHost> hosts() {
        return hosts;
    }
}
