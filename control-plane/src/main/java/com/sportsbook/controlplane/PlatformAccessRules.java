package com.sportsbook.controlplane;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the platform API: only tokens of the {@code platform} realm count. Operators create tenants and
 * follow their own; platform support reads everything; platform admins also suspend, resume and offboard. Which
 * tenants an operator sees is decided per tenant by {@code PlatformCaller}. See docs/permissions.md.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PlatformAccessRules {

    static final String UNAUTHENTICATED = "unauthenticated";
    static final String FORBIDDEN = "forbidden";

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, ControlPlaneSettings settings) throws Exception {
        String issuer = PlatformRealm.issuer(settings.tokens().keycloakUrl());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(RealmTokens.jwkSetUri(issuer)).build();
        decoder.setJwtValidator(RealmTokens.validator(issuer, settings.tokens().clockSkew()));
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(RealmTokens::realmRoles);
        String operator = PlatformRealm.OPERATOR;
        String admin = PlatformRealm.ADMIN;
        String support = PlatformRealm.SUPPORT;
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/internal/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/error").permitAll()
                        // the portal's and console's pages (and the scripts they share), and signing up, are open;
                        // the embedded mode's mailbox too
                        .requestMatchers(HttpMethod.GET, "/", "/portal/**", "/console/**", "/shared/**", "/dev/mailbox",
                                "/api/v1/signups/terms", "/api/v1/signups/portal").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/signups", "/api/v1/signups/verification").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/signups/me").hasRole(operator)
                        .requestMatchers(HttpMethod.GET, "/api/v1/templates").hasAnyRole(operator, admin, support)
                        .requestMatchers("/api/v1/tenants/*/brands/*", "/api/v1/tenants/*/brands/*/logo")
                                .hasAnyRole(operator, admin)
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants").hasAnyRole(operator, admin)
                        .requestMatchers(HttpMethod.POST, "/api/v1/tenants/*/provisioning/retry").hasAnyRole(operator, admin)
                        .requestMatchers("/api/v1/tenants/*/suspension", "/api/v1/tenants/*/offboarding").hasRole(admin)
                        .requestMatchers("/api/v1/tenants/*/credentials/*").hasAnyRole(operator, admin)
                        .requestMatchers(HttpMethod.GET, "/api/v1/tenants", "/api/v1/tenants/*",
                                "/api/v1/tenants/*/provisioning").hasAnyRole(operator, admin, support)
                        // feature flags: platform staff read them, platform admins change them (anyRequest below)
                        .requestMatchers(HttpMethod.GET, "/api/v1/flags", "/api/v1/flags/*", "/api/v1/flags/*/history")
                                .hasAnyRole(admin, support)
                        // the platform console's data and the platform audit: platform staff read them; admins start
                        // the upgrade of every tenant schema (POST /api/v1/platform/migrations, anyRequest below)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/platform/tenants",
                                "/api/v1/platform/migrations").hasAnyRole(admin, support)
                        .anyRequest().hasRole(admin))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint((request, response, failure) -> ProblemWriter.write(response, 401,
                                UNAUTHENTICATED, "Sign in to the platform: the token is missing, invalid, expired or not a platform token."))
                        .accessDeniedHandler((request, response, denied) -> ProblemWriter.write(response, 403,
                                FORBIDDEN, "Your platform account may not do this.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> ProblemWriter.write(response, 401,
                                UNAUTHENTICATED, "Sign in to the platform to do this."))
                        .accessDeniedHandler((request, response, denied) -> ProblemWriter.write(response, 403,
                                FORBIDDEN, "Your platform account may not do this.")));
        return http.build();
    }
}
