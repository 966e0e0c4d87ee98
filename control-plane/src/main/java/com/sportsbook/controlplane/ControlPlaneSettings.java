package com.sportsbook.controlplane;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param internalToken the token service-to-service calls under /internal carry */
@ConfigurationProperties("control-plane")
record ControlPlaneSettings(String internalToken) {
}
