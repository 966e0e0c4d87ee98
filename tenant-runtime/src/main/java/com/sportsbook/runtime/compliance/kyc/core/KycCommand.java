package com.sportsbook.runtime.compliance.kyc.core;

import java.time.Instant;
import java.util.Set;

/** What can be asked of a case; {@link KycStateMachine} says whether it may happen now, and what follows. */
public sealed interface KycCommand {

    /** The action's name in a case's history. */
    String action();

    /** Ask the player for documents: to start, after a rejection or an expiry, or (an officer) more while in review. */
    record RequestDocuments(Set<DocumentCategory> required, String reason) implements KycCommand {
        public RequestDocuments {
            required = required == null ? Set.of() : Set.copyOf(required);
        }

        @Override
        public String action() {
            return "documents_requested";
        }
    }

    /** The player hands in the documents on file, which must cover every category requested. */
    record Submit(Set<DocumentCategory> onFile) implements KycCommand {
        public Submit {
            onFile = onFile == null ? Set.of() : Set.copyOf(onFile);
        }

        @Override
        public String action() {
            return "submitted";
        }
    }

    /** The provider or an officer verifies the identity until {@code expiresAt}. */
    record Approve(Instant expiresAt, String reason) implements KycCommand {
        @Override
        public String action() {
            return "approved";
        }
    }

    record Reject(String reason) implements KycCommand {
        @Override
        public String action() {
            return "rejected";
        }
    }

    /** The provider cannot decide alone and asks for a compliance officer's review; the case stays in review. */
    record Refer(String reason) implements KycCommand {
        @Override
        public String action() {
            return "referred";
        }
    }

    /** The verification's period is over (the expiry job, or an officer). */
    record Expire() implements KycCommand {
        @Override
        public String action() {
            return "expired";
        }
    }

    /** An officer sets when a verified case must be verified again (a past instant lets the expiry job end it). */
    record SetExpiry(Instant expiresAt, String reason) implements KycCommand {
        @Override
        public String action() {
            return "expiry_set";
        }
    }
}
