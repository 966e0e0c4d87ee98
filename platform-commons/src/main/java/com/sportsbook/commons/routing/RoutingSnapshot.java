package com.sportsbook.commons.routing;

import java.util.List;

/**
 * What the control plane publishes to the gateway and the runtime at {@code GET /internal/v1/routing}: every
 * tenant with its lifecycle status and schema, every brand with its hosts. Published as a whole, with an ETag,
 * so readers can poll cheaply and swap their view atomically.
 *
 * @param version increases with every routing change; a reader never replaces its view with a lower version, so
 *     a slow answer to an earlier poll cannot undo a newer one
 */
public record RoutingSnapshot(long version, List<TenantRoute> tenants, List<BrandRoute> brands) {

    public RoutingSnapshot {
        tenants = List.copyOf(tenants);
        brands = List.copyOf(brands);
    }

    /** Whether this snapshot may replace {@code current}: only a snapshot at least as new does. */
    public boolean supersedes(RoutingSnapshot current) {
        return version >= current.version;
    }

    public static RoutingSnapshot empty() {
        return new RoutingSnapshot(-1, List.of(), List.of());
    }
}
