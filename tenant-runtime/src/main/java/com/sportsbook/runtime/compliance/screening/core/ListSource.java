package com.sportsbook.runtime.compliance.screening.core;

import java.util.Locale;
import java.util.Optional;

/** The official lists the platform screens against, each loaded from its publisher's own format. */
public enum ListSource {
    /** The UN Security Council consolidated list, XML ({@code un-sc-sanctions.xsd}). */
    UN,
    /** The US Treasury OFAC Specially Designated Nationals list, legacy CSV layout. */
    OFAC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ListSource> fromWireName(String wireName) {
        for (ListSource source : values()) {
            if (source.wireName().equals(wireName)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
