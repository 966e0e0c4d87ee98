package com.sportsbook.runtime.compliance.screening.core;

/** What a list entry designates. Players are natural persons, so only individuals are screened against. */
public enum EntryKind {
    INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT
}
