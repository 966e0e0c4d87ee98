package com.sportsbook.commons.identity;

import java.net.URI;
import java.util.List;

/**
 * The platform realm: operators (who rent the platform, self-service) and platform staff. The control plane creates
 * it and accepts only its tokens on the platform API.
 */
public final class PlatformRealm {

    public static final String NAME = "platform";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "platform-admin";
    public static final String SUPPORT = "platform-support";
    public static final List<String> ROLES = List.of(OPERATOR, ADMIN, SUPPORT);
    /** Staff roles sign in with OTP, like a tenant's staff. */
    public static final List<String> STAFF_ROLES = List.of(ADMIN, SUPPORT);

    private PlatformRealm() {
    }

    public static String issuer(URI keycloakUrl) {
        return keycloakUrl.toString().replaceAll("/+$", "") + "/realms/" + NAME;
    }
}
