/** The sports catalog a tenant offers. Starts with the sports tree; events, markets and prices come next. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "tenancy")
package com.sportsbook.runtime.catalog;
