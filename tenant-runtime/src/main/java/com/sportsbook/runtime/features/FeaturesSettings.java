package com.sportsbook.runtime.features;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unleashUrl      a real Unleash's base URL; blank: read the control plane's snapshot instead (embedded default)
 * @param clientToken     the Unleash client (backend) token, of the environment the control plane writes
 * @param controlPlaneUrl where the control plane's snapshot is (and what to bootstrap from when Unleash is away)
 * @param internalToken   the service token for the control plane's /internal API
 * @param fetchInterval   how often flags are read again: the longest a change takes to reach this runtime
 * @param appName         how this runtime names itself to Unleash
 */
@ConfigurationProperties("runtime.features")
record FeaturesSettings(String unleashUrl, String clientToken, URI controlPlaneUrl, String internalToken,
        Duration fetchInterval, String appName) {

    boolean usesUnleash() {
        return unleashUrl != null && !unleashUrl.isBlank();
    }

    /** The SDK's API URL: Unleash's {@code /api/}, or the control plane's {@code /internal/flags/}. */
    String apiUrl() {
        if (!usesUnleash()) {
            return stripSlash(controlPlaneUrl.toString()) + "/internal/flags/";
        }
        String base = stripSlash(unleashUrl.strip());
        return (base.endsWith("/api") ? base : base + "/api") + "/";
    }

    private static String stripSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
