/** Notices a brand's staff publish on the skin (maintenance windows, promotions, rule changes). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "tenancy")
package com.sportsbook.runtime.notices;
