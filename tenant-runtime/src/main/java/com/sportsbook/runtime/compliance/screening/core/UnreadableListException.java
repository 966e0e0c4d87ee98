package com.sportsbook.runtime.compliance.screening.core;

/** A file that is not a readable list of the expected format; the loader turns it into a refusal. */
public final class UnreadableListException extends RuntimeException {

    public UnreadableListException(String message) {
        super(message);
    }

    public UnreadableListException(String message, Throwable cause) {
        super(message, cause);
    }
}
