package com.sportsbook.controlplane.rules;

/**
 * Who acted, as the runtime relays it from the officer's token: the stable account id (the token's subject), on
 * which four eyes is judged, and the name shown in the audit trail.
 */
record Actor(String id, String name) {

    static final Actor PLATFORM = new Actor("platform", "platform");

    boolean valid() {
        return id != null && !id.isBlank() && id.length() <= 255 && name != null && !name.isBlank() && name.length() <= 255;
    }
}
