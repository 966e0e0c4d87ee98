package com.sportsbook.controlplane.provisioning;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param runtimeUrl where the tenant runtime's internal API answers
 * @param internalToken the service token the runtime expects on /internal
 * @param runtimeTimeout how long one call to the runtime may take (migrating a schema is the slowest)
 */
@ConfigurationProperties("control-plane.provisioning")
record ProvisioningSettings(URI runtimeUrl, String internalToken, Duration runtimeTimeout) {
}
