package com.sportsbook.runtime.compliance.screening.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The lists the platform screens against: the official sanctions lists, each loaded from its publisher's own format,
 * and a list of politically exposed persons from a provider (read by a {@code PepListSource}; the file-based one reads
 * {@link PepCsv}). A sanctions hit blocks the account; a PEP hit asks for enhanced due diligence (ADR 0024).
 */
public enum ListSource {
    /** The UN Security Council consolidated list, XML ({@code un-sc-sanctions.xsd}). */
    UN,
    /** The US Treasury OFAC Specially Designated Nationals list, legacy CSV layout. */
    OFAC,
    /** Politically exposed persons (and their relatives and close associates), as the platform's PEP provider lists them. */
    PEP;

    /** Whether a hit on this list holds the account blocked (sanctions) or asks for due diligence (PEP). */
    public boolean sanctions() {
        return this != PEP;
    }

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
