/**
 * Live push to skins: committed catalog changes go over a change bus to every runtime replica (in-process for one
 * replica, Redis pub/sub for several), and each replica streams the deltas its connected clients subscribed to
 * (per event or market) over server-sent events, after a snapshot on every (re)connect. See ADR 0012.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "catalog", "pricing"})
package com.sportsbook.runtime.realtime;
