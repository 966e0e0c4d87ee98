package com.sportsbook.controlplane.flags;

/** A flag's rollout or kill switch changed and was committed at this version. */
record FlagChanged(String key, long version) {
}
