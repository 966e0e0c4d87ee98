package com.sportsbook.gateway;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.HostNames;
import com.sportsbook.commons.TenantStatus;
import com.sportsbook.commons.TenantUnavailable;
import java.util.Optional;
import java.util.Set;

/** Host and path to {@link EdgeDecision}. Pure, so every rule of the edge is tested without a server. */
final class EdgeRouting {

    private final Set<String> platformHosts;

    EdgeRouting(Set<String> platformHosts) {
        this.platformHosts = Set.copyOf(platformHosts);
    }

    boolean isPlatformHost(String hostHeader) {
        return HostNames.normalise(hostHeader).filter(platformHosts::contains).isPresent();
    }

    EdgeDecision decide(String hostHeader, String rawPath, HostDirectory.Lookup lookup) {
        Optional<String> path = EdgePaths.canonical(rawPath);
        if (path.isEmpty()) {
            return new EdgeDecision.Refuse(400, ErrorCodes.MALFORMED_REQUEST, "Bad Request",
                    "The request path is not in canonical form.", null);
        }
        if (isNeverRouted(path.get())) {
            return notFound(ErrorCodes.NOT_FOUND, "There is nothing here.");
        }
        Optional<String> host = HostNames.normalise(hostHeader);
        if (host.isEmpty()) {
            return unknownHost();
        }
        if (platformHosts.contains(host.get())) {
            return new EdgeDecision.ToControlPlane();
        }
        Optional<HostDirectory.HostRoute> route = lookup.find(host.get());
        if (route.isEmpty()) {
            return unknownHost();
        }
        HostDirectory.HostRoute found = route.get();
        Optional<TenantUnavailable> unavailable = TenantUnavailable.of(TenantStatus.fromWireName(found.tenantStatus()));
        if (unavailable.isPresent()) {
            TenantUnavailable why = unavailable.get();
            return new EdgeDecision.Refuse(503, why.code(), why.title(), why.detail(), found.brandName());
        }
        return new EdgeDecision.ToRuntime(found.tenant(), found.brand());
    }

    /** Service-to-service and operational endpoints are reachable only inside the platform's network. */
    private static boolean isNeverRouted(String path) {
        String first = EdgePaths.firstSegment(path);
        return first.equalsIgnoreCase("internal") || first.equalsIgnoreCase("actuator");
    }

    private static EdgeDecision unknownHost() {
        return notFound(ErrorCodes.UNKNOWN_HOST, "No brand is served on this host.");
    }

    private static EdgeDecision notFound(String code, String detail) {
        return new EdgeDecision.Refuse(404, code, "Not Found", detail, null);
    }
}
