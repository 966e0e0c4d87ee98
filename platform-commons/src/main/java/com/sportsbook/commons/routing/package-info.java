/** The routing directory published by the control plane and read by the gateway and the runtime. */
package com.sportsbook.commons.routing;
