package com.sportsbook.controlplane.credentials;

/**
 * A sealed secret that does not open under the context it is read for: it was sealed for another tenant, purpose or
 * field (a row moved or copied), under a master key this process does not have, or it was tampered with. Never a
 * wrong plain text. The message names the context and the key, never any secret.
 */
final class SecretUnreadable extends IllegalStateException {

    SecretUnreadable(String message) {
        super(message);
    }

    SecretUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
