package com.sportsbook.runtime.compliance.screening.core;

import java.util.List;
import java.util.Objects;

/**
 * One designation on a list, as published.
 *
 * @param ref the list's own identifier (UN reference number such as {@code QDi.006}, OFAC entry number)
 * @param names the primary name first, then the aliases, as written on the list
 * @param birthDates every date of birth the list states (often several, "alt. DOB")
 * @param programs the sanctions regimes (UN list type, OFAC programs), for the officer
 */
public record ListEntry(ListSource source, String ref, EntryKind kind, List<Name> names, List<BirthDate> birthDates,
        String programs) {

    /**
     * A name of the entry. {@code weak} marks the aliases the publisher itself rates poor (UN quality "Low"; OFAC puts
     * its weak a.k.a.s in the remarks): screened, but a match on them weighs a little less.
     */
    public record Name(String text, boolean weak) {
        public Name {
            Objects.requireNonNull(text);
        }
    }

    public ListEntry {
        Objects.requireNonNull(source);
        Objects.requireNonNull(ref);
        Objects.requireNonNull(kind);
        names = List.copyOf(names);
        birthDates = List.copyOf(birthDates);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a list entry has at least its primary name");
        }
    }

    public String primaryName() {
        return names.getFirst().text();
    }
}
