package com.sportsbook.commons.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.TrustedHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /internal/**}: service-to-service endpoints answer only calls carrying the shared internal token.
 * The gateway never routes /internal from outside; this filter is the second line.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

    private final byte[] token;

    public InternalTokenFilter(String token) {
        if (token == null || token.length() < 24) {
            throw new IllegalArgumentException("the internal service token must have at least 24 characters");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Judged on the servlet path, which the container has already percent-decoded and normalised, never on the raw
     * request URI: {@code /%69nternal/...} reaches the same controllers as {@code /internal/...} and must be guarded
     * the same way.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !(path.equals("/internal") || path.startsWith("/internal/"));
    }

    /** The filter on {@code /internal/*}, ahead of everything else but the gateway-context filter. */
    public static FilterRegistrationBean<InternalTokenFilter> registration(String token) {
        FilterRegistrationBean<InternalTokenFilter> registration = new FilterRegistrationBean<>(new InternalTokenFilter(token));
        registration.addUrlPatterns("/internal/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(TrustedHeaders.INTERNAL_TOKEN);
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            ProblemWriter.write(response, 401, ErrorCodes.INTERNAL_AUTH_REQUIRED,
                    "Internal endpoints need the service token.");
            return;
        }
        chain.doFilter(request, response);
    }
}
