package com.sportsbook.runtime.identity;

import com.sportsbook.commons.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Who may call what in the runtime. Public skin content is open; the back office needs staff roles; everything
 * else needs a valid token of the called tenant's realm. Refusals are problem details: 401 {@code unauthenticated}
 * (no token, or a token that is invalid, expired or from another realm), 403 {@code forbidden} (a role missing).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RuntimeAccessRules {

    static final String UNAUTHENTICATED = "unauthenticated";
    static final String FORBIDDEN = "forbidden";

    /** The strict firewall, checking headers without regular expressions (see {@link HeaderFirewall}). */
    /**
     * No observation of each security filter, authentication or authorization: with a registry present Spring
     * Security wraps every filter of the chain in one, on every request, at a cost the traces never repaid (the HTTP
     * server observation and its metrics stay on).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    HttpFirewall httpFirewall() {
        return HeaderFirewall.strict();
    }

    @Bean
    SecurityFilterChain runtimeSecurity(HttpSecurity http, TenantRealmTokens tokens, Players players) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/internal/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/brand", "/api/v1/brand/logo", "/api/v1/sports", "/api/v1/notices",
                                "/api/v1/notices/*", "/api/v1/events", "/api/v1/events/*", "/api/v1/live", "/api/v1/features").permitAll()
                        // the player skin's and the staff consoles' static files (the consoles' data needs a staff role)
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/skin/**", "/backoffice/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/players").permitAll()
                        // the key anyone verifies bet receipts with
                        .requestMatchers(HttpMethod.GET, "/api/v1/receipts/public-key").permitAll()
                        // authenticated by the provider's signature over the raw body, not by a token
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/kyc/webhooks/*").permitAll()
                        .requestMatchers("/api/v1/players/me", "/api/v1/players/me/logout", "/api/v1/players/me/odds-format",
                                "/api/v1/wallet/**", "/api/v1/bets", "/api/v1/bets/**").hasRole("player")
                        // the player's own identity verification (the provider's webhooks are matched above)
                        .requestMatchers("/api/v1/kyc", "/api/v1/kyc/documents", "/api/v1/kyc/submission").hasRole("player")
                        // the player's own responsible gambling: limits, time-out, self-exclusion, reality checks
                        .requestMatchers("/api/v1/responsible-gambling", "/api/v1/responsible-gambling/**").hasRole("player")
                        .requestMatchers(HttpMethod.GET, "/api/v1/backoffice/settlement/reports/**")
                        .hasAnyRole("trader", "risk-manager", "compliance-officer", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/margins", "/api/v1/backoffice/margins/**",
                                "/api/v1/backoffice/trading/**", "/api/v1/backoffice/risk/**", "/api/v1/backoffice/settlement/**")
                        .hasAnyRole("trader", "risk-manager", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/wallet/**", "/api/v1/backoffice/payments/**")
                        .hasAnyRole("finance", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/compliance/aml/**").hasAnyRole("compliance-officer", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/compliance/kyc/**").hasAnyRole("compliance-officer", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/compliance/screening/**").hasAnyRole("compliance-officer", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/compliance/rules", "/api/v1/backoffice/compliance/rules/**")
                        .hasAnyRole("compliance-officer", "tenant-admin")
                        // regulator exports per licence (ADR 0021)
                        .requestMatchers(HttpMethod.GET, "/api/v1/backoffice/compliance/reports",
                                "/api/v1/backoffice/compliance/reports/**").hasAnyRole("compliance-officer", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/audit/**").hasAnyRole("compliance-officer", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/players/**").hasAnyRole("support", "compliance-officer", "tenant-admin")
                        .requestMatchers("/api/v1/backoffice/notices", "/api/v1/backoffice/notices/**")
                        .hasAnyRole("tenant-admin", "support")
                        .requestMatchers("/api/v1/backoffice/**").hasRole("tenant-admin")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new PlainBearerTokens())
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint((request, response, failure) -> ProblemWriter.write(response, 401,
                                UNAUTHENTICATED, "Sign in on this brand: the token is missing, invalid, expired or from another brand's operator."))
                        .accessDeniedHandler((request, response, denied) -> ProblemWriter.write(response, 403,
                                FORBIDDEN, "Your account may not do this.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> ProblemWriter.write(response, 401,
                                UNAUTHENTICATED, "Sign in on this brand to do this."))
                        .accessDeniedHandler((request, response, denied) -> ProblemWriter.write(response, 403,
                                FORBIDDEN, "Your account may not do this.")));
        http.addFilterAfter(new AccountStatusFilter(players), BearerTokenAuthenticationFilter.class);
        return http.build();
    }
}
