package com.sportsbook.runtime.compliance.kyc.core;

import java.util.Locale;
import java.util.Optional;

/** The identity documents a player can upload, each proving one thing: who the player is, or where they live. */
public enum DocumentType {
    PASSPORT(DocumentCategory.IDENTITY),
    ID_CARD(DocumentCategory.IDENTITY),
    DRIVING_LICENCE(DocumentCategory.IDENTITY),
    PROOF_OF_ADDRESS(DocumentCategory.ADDRESS);

    private final DocumentCategory category;

    DocumentType(DocumentCategory category) {
        this.category = category;
    }

    public DocumentCategory category() {
        return category;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DocumentType> fromWire(String wire) {
        for (DocumentType type : values()) {
            if (type.wire().equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
