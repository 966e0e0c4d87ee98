package com.sportsbook.controlplane.credentials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What credentials a tenant can store, and which fields each holds. */
enum CredentialPurpose {
    /** Stripe: the secret API key, the webhook endpoint's signing secret, and optionally a connected account. */
    PSP_STRIPE("psp.stripe", Set.of("secretKey", "webhookSecret"), Set.of("connectAccount"), 1),
    /** The sandbox PSP: the tenant's own webhook signing secret (else the sandbox signs with a platform-derived key). */
    PSP_SANDBOX("psp.sandbox", Set.of("webhookSecret"), Set.of(), 16),
    /** A KYC provider: its API key and webhook signing secret. */
    KYC_PROVIDER("kyc.provider", Set.of("apiKey", "webhookSecret"), Set.of(), 1);

    /** Longer than any real provider's key or signing secret; more is a mistake (a pasted file), not a secret. */
    static final int MAX_LENGTH = 500;

    private final String wireName;
    private final Set<String> required;
    private final Set<String> optional;
    private final int minLength;

    CredentialPurpose(String wireName, Set<String> required, Set<String> optional, int minLength) {
        this.wireName = wireName;
        this.required = required;
        this.optional = optional;
        this.minLength = minLength;
    }

    String wireName() {
        return wireName;
    }

    static Optional<CredentialPurpose> fromWire(String wire) {
        return Arrays.stream(values()).filter(purpose -> purpose.wireName.equals(wire)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(CredentialPurpose::wireName).toList();
    }

    /** Field problems of a submission: missing required fields, unknown fields, blank, too short or oversized values. */
    List<Map<String, String>> problems(Map<String, String> fields) {
        List<Map<String, String>> problems = new ArrayList<>();
        for (String field : required) {
            if (fields.get(field) == null || fields.get(field).isBlank()) {
                problems.add(Map.of("field", field, "message", "is required"));
            }
        }
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            String value = entry.getValue();
            if (!required.contains(entry.getKey()) && !optional.contains(entry.getKey())) {
                problems.add(Map.of("field", entry.getKey(), "message", "is not a field of " + wireName));
            } else if (value != null && value.length() > MAX_LENGTH) {
                problems.add(Map.of("field", entry.getKey(), "message", "is at most " + MAX_LENGTH + " characters"));
            } else if (value != null && !value.isBlank() && value.length() < minLength) {
                problems.add(Map.of("field", entry.getKey(), "message", "is at least " + minLength + " characters"));
            } else if (value != null && value.chars().anyMatch(Character::isISOControl)) {
                problems.add(Map.of("field", entry.getKey(), "message", "must not contain control characters"));
            }
        }
        problems.sort(Comparator.comparing(problem -> problem.get("field")));
        return List.copyOf(problems);
    }
}
