package com.sportsbook.controlplane.credentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What credentials a tenant can store, and which fields each holds. */
enum CredentialPurpose {
    /** Stripe: the secret API key, the webhook endpoint's signing secret, and optionally a connected account. */
    PSP_STRIPE("psp.stripe", Set.of("secretKey", "webhookSecret"), Set.of("connectAccount")),
    /** A KYC provider: its API key and webhook signing secret. */
    KYC_PROVIDER("kyc.provider", Set.of("apiKey", "webhookSecret"), Set.of());

    private final String wireName;
    private final Set<String> required;
    private final Set<String> optional;

    CredentialPurpose(String wireName, Set<String> required, Set<String> optional) {
        this.wireName = wireName;
        this.required = required;
        this.optional = optional;
    }

    String wireName() {
        return wireName;
    }

    static Optional<CredentialPurpose> fromWire(String wire) {
        for (CredentialPurpose purpose : values()) {
            if (purpose.wireName.equals(wire)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }

    /** Field problems of a submission: missing required fields, unknown fields, blank or oversized values. */
    List<Map<String, String>> problems(Map<String, String> fields) {
        java.util.ArrayList<Map<String, String>> problems = new java.util.ArrayList<>();
        for (String field : required) {
            if (fields.get(field) == null || fields.get(field).isBlank()) {
                problems.add(Map.of("field", field, "message", "is required"));
            }
        }
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            if (!required.contains(entry.getKey()) && !optional.contains(entry.getKey())) {
                problems.add(Map.of("field", entry.getKey(), "message", "is not a field of " + wireName));
            } else if (entry.getValue() != null && entry.getValue().length() > 500) {
                problems.add(Map.of("field", entry.getKey(), "message", "is at most 500 characters"));
            }
        }
        problems.sort(java.util.Comparator.comparing(problem -> problem.get("field")));
        return List.copyOf(problems);
    }
}
