package com.sportsbook.controlplane.tenants;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shape of a tenant in the control plane's API. */
public record TenantResource(
        String slug,
        Operator operator,
        String status,
        String schema,
        String databaseCell,
        Instant createdAt,
        Instant updatedAt,
        List<Brand> brands,
        Map<String, String> links) {

    public record Operator(String name, String contactEmail) {
    }

    public record Brand(
            String slug,
            String name,
            List<String> hosts,
            List<String> routedHosts,
            String theme,
            String defaultCurrency,
            List<String> currencies,
            List<String> languages,
            List<String> jurisdictions) {
    }

    public static TenantResource from(TenantView tenant) {
        return new TenantResource(
                tenant.slug(),
                new Operator(tenant.operatorName(), tenant.operatorEmail()),
                tenant.status().wireName(),
                tenant.schema(),
                tenant.databaseCell(),
                tenant.createdAt(),
                tenant.updatedAt(),
                tenant.brands().stream().map(brand -> new Brand(brand.slug(), brand.name(), brand.hosts(),
                        brand.routedHosts(), brand.themeName(), brand.defaultCurrency(), brand.currencies(),
                        brand.languages(), brand.jurisdictions())).toList(),
                Map.of("self", "/api/v1/tenants/" + tenant.slug(),
                        "provisioning", "/api/v1/tenants/" + tenant.slug() + "/provisioning"));
    }
}
