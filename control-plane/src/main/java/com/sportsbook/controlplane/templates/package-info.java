/** The templates a tenant starts from: brand themes and jurisdiction rule packs. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.sportsbook.controlplane.templates;
