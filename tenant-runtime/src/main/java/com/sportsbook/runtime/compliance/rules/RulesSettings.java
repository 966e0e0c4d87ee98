package com.sportsbook.runtime.compliance.rules;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param controlPlaneUrl where the tenant's effective rules are read and rule changes relayed (internal API)
 * @param internalToken   the service token for those calls
 * @param refresh         how long a tenant's rules are used before the control plane is asked again (with an ETag)
 * @param maxStale        how long the last rules read stay in force while the control plane cannot be reached;
 *                        after that, and before any first read, compliance fails closed
 */
@ConfigurationProperties("runtime.compliance.rules")
record RulesSettings(URI controlPlaneUrl, String internalToken, Duration refresh, Duration maxStale) {
}
