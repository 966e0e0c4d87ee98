package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.identity.PlatformRealm;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling the platform API, from a verified platform-realm token: platform staff see every tenant; an operator
 * sees only the tenants of the operator its account owns. Other operators' tenants answer 404, as if absent.
 */
public record PlatformCaller(String subject, Set<String> roles) {

    public PlatformCaller {
        roles = Set.copyOf(roles);
    }

    /** The caller of a request the platform's access rules let through. */
    public static PlatformCaller of(JwtAuthenticationToken token) {
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        return new PlatformCaller(token.getToken().getSubject(), roles);
    }

    public boolean isStaff() {
        return roles.contains(PlatformRealm.ADMIN) || roles.contains(PlatformRealm.SUPPORT);
    }

    public boolean isOperator() {
        return roles.contains(PlatformRealm.OPERATOR);
    }

    public boolean canSee(TenantView tenant) {
        return isStaff() || (isOperator() && Objects.equals(tenant.operatorAccount(), subject));
    }

    /** The account a new tenant is registered to: the operator's own; none when staff act for an operator. */
    public String registeringAccount() {
        return isOperator() && !roles.contains(PlatformRealm.ADMIN) ? subject : null;
    }
}
