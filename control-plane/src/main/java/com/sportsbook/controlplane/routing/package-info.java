/** The routing directory the gateway and the runtime poll: tenants with status and schema, brands with hosts and their effective minimum age. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenants", "rules"})
package com.sportsbook.controlplane.routing;
