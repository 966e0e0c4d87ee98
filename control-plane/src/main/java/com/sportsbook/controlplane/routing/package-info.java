/** The routing directory the gateway and the runtime poll: tenants with status and schema, brands with hosts. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenants", "templates"})
package com.sportsbook.controlplane.routing;
