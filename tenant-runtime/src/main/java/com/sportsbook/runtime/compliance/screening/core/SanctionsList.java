package com.sportsbook.runtime.compliance.screening.core;

import java.util.List;

/** One publication of one list, parsed: its entries of every kind, in the order published. */
public record SanctionsList(ListSource source, List<ListEntry> entries) {

    public SanctionsList {
        entries = List.copyOf(entries);
    }

    public long count(EntryKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).count();
    }

    public List<ListEntry> individuals() {
        return entries.stream().filter(entry -> entry.kind() == EntryKind.INDIVIDUAL).toList();
    }
}
