package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.TenantStatus;
import com.sportsbook.commons.TenantUnavailable;
import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.routing.TenantRoute;
import com.sportsbook.commons.web.ProblemWriter;
import com.sportsbook.commons.web.RefusalPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the tenant of every {@code /api} request (and of the player skin's pages) from the headers the gateway signed. A request without them, with
 * a bad signature, for an unknown tenant or brand, or for a tenant that is not live, never reaches a controller.
 */
class GatewayTenantFilter extends OncePerRequestFilter {

    private final TenantContextSignature signature;
    private final TenantDirectory directory;
    private final Clock clock;

    GatewayTenantFilter(TenantContextSignature signature, TenantDirectory directory, Clock clock) {
        this.signature = signature;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenant = request.getHeader(TrustedHeaders.TENANT_ID);
        String brand = request.getHeader(TrustedHeaders.BRAND_ID);
        if (tenant == null || brand == null) {
            ProblemWriter.write(response, 400, ErrorCodes.TENANT_CONTEXT_MISSING,
                    "This API is served per brand: call it on a brand's host through the gateway.");
            return;
        }
        if (!signature.verify(tenant, brand, request.getHeader(TrustedHeaders.ISSUED_AT),
                request.getHeader(TrustedHeaders.SIGNATURE), clock.instant())) {
            ProblemWriter.write(response, 401, ErrorCodes.TENANT_CONTEXT_INVALID,
                    "The tenant context was not signed by the gateway, or has expired.");
            return;
        }
        Optional<TenantRoute> route = TenantSlug.isValid(tenant) ? directory.currentTenant(tenant) : Optional.empty();
        Optional<BrandRoute> brandRoute = directory.brand(brand).filter(found -> found.tenant().equals(tenant));
        if (route.isEmpty() || brandRoute.isEmpty()) {
            ProblemWriter.write(response, 404, ErrorCodes.UNKNOWN_TENANT, "This brand is not known to the platform.");
            return;
        }
        Optional<TenantUnavailable> unavailable = TenantUnavailable.of(TenantStatus.fromWireName(route.get().status()));
        if (unavailable.isPresent()) {
            refuse(request, response, unavailable.get(), brandRoute.get().name());
            return;
        }
        try (TenantContext.Scope ignored = TenantContext.bind(new BoundTenant(new TenantSlug(tenant), brand))) {
            chain.doFilter(request, response);
        }
    }

    /** The same answer the gateway gives when it learns of the status first: a page for browsers, a problem otherwise. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, TenantUnavailable why,
            String brandName) throws IOException {
        response.setHeader("Retry-After", "120");
        if (!request.getRequestURI().startsWith("/api/") && RefusalPage.wanted(request.getHeader("Accept"))) {
            response.setStatus(503);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(RefusalPage.render(brandName, why.title(), why.detail(), why.code()));
            return;
        }
        ProblemWriter.write(response, 503, why.code(), why.detail());
    }
}
