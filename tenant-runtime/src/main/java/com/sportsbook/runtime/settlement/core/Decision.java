package com.sportsbook.runtime.settlement.core;

/** What a settlement command came to: done, with its value, or refused with nothing changed. */
public sealed interface Decision<T> {

    record Done<T>(T value) implements Decision<T> {
    }

    record Refused<T>(Refusal refusal) implements Decision<T> {
    }

    static <T> Decision<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Decision<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }
}
