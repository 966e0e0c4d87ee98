package com.sportsbook.controlplane.flags;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unleash the Unleash server the control plane keeps in sync; none (a blank URL) in the embedded mode, where
 *                runtimes read the flags from the control plane itself
 */
@ConfigurationProperties("control-plane.flags")
record FlagsSettings(Unleash unleash) {

    /**
     * @param url               the server's base URL ({@code http://127.0.0.1:4242}); blank: no Unleash
     * @param adminToken        an admin API token (the Admin API's {@code Authorization} header)
     * @param project           the project flags live in
     * @param environment       the environment whose strategies and on/off the control plane sets (the runtimes'
     *                          client tokens must be of this environment)
     * @param reconcileInterval how often every flag is pushed again, correcting changes made in Unleash by hand
     * @param maxRetryDelay     the longest wait between two attempts while Unleash fails
     * @param timeout           connect and read timeout of one Admin API call
     */
    record Unleash(String url, String adminToken, String project, String environment, Duration reconcileInterval,
            Duration maxRetryDelay, Duration timeout) {

        boolean configured() {
            return url != null && !url.isBlank();
        }

        /** The base URL without a trailing {@code /} or {@code /api}, whichever way it was given. */
        String baseUrl() {
            String base = url.strip();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return base.endsWith("/api") ? base.substring(0, base.length() - 4) : base;
        }
    }
}
