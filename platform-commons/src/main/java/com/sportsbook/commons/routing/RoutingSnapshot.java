package com.sportsbook.commons.routing;

import java.util.List;

/**
 * What the control plane publishes to the gateway and the runtime at {@code GET /internal/v1/routing}: every
 * tenant with its lifecycle status and schema, every brand with its hosts. Published as a whole, with an ETag,
 * so readers can poll cheaply and swap their view atomically.
 */
public record RoutingSnapshot(List<TenantRoute> tenants, List<BrandRoute> brands) {

    public RoutingSnapshot {
        tenants = List.copyOf(tenants);
        brands = List.copyOf(brands);
    }

    public static RoutingSnapshot empty() {
        return new RoutingSnapshot(List.of(), List.of());
    }
}
