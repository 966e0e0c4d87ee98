package com.sportsbook.controlplane.signup;

import com.sportsbook.commons.identity.PlatformRealm;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the portal's pages need before anyone signs in: where to sign in, the terms' version, the dev mailbox. */
@RestController
class PortalConfigController {

    private final URI keycloakUrl;
    private final SignupSettings settings;
    private final OperatorSignups signups;

    PortalConfigController(@Value("${control-plane.identity.keycloak-url}") URI keycloakUrl, SignupSettings settings,
            OperatorSignups signups) {
        this.keycloakUrl = keycloakUrl;
        this.settings = settings;
        this.signups = signups;
    }

    @GetMapping("/api/v1/signups/portal")
    @Operation(summary = "The portal's settings: the platform realm's issuer and clients, the terms' version")
    Map<String, Object> portal() {
        return Map.of(
                "issuer", PlatformRealm.issuer(keycloakUrl),
                "portalClientId", "portal",
                "consoleClientId", "console",
                "termsVersion", signups.terms().version(),
                "devMailbox", settings.mailEmbedded());
    }
}
