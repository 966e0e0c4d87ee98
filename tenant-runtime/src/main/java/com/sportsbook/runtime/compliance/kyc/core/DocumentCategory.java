package com.sportsbook.runtime.compliance.kyc.core;

import java.util.Locale;
import java.util.Optional;

/** What a requested document must prove; any document of the category satisfies the request. */
public enum DocumentCategory {
    /** A passport, an identity card or a driving licence. */
    IDENTITY("identity"),
    /** A utility bill or bank statement showing the player's address. */
    ADDRESS("proof_of_address");

    private final String wire;

    DocumentCategory(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DocumentCategory> fromWire(String wire) {
        String lower = wire == null ? "" : wire.toLowerCase(Locale.ROOT);
        for (DocumentCategory category : values()) {
            if (category.wire.equals(lower)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
