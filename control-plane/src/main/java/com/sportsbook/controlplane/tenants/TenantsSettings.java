package com.sportsbook.controlplane.tenants;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param platformHosts hosts the gateway routes to the control plane; no brand may claim them
 * @param defaultDatabaseCell the database cell new tenants are placed on
 */
@ConfigurationProperties("control-plane.tenants")
record TenantsSettings(List<String> platformHosts, String defaultDatabaseCell) {
}
