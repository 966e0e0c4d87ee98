package com.sportsbook.runtime.payments.flow;

import java.time.Instant;
import java.util.UUID;

/** A payment as stored: a deposit or a withdrawal of one player, through one provider. */
public record Payment(UUID id, String kind, UUID playerId, String brand, long amount, String currency, String provider,
        String providerReference, String status, String initialStatus, String failureReason, String requestHash,
        UUID ledgerTransactionId, Instant createdAt, Instant updatedAt) {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String DECLINED = "declined";
    /** The provider reported something we cannot reconcile (such as another amount); finance must look. */
    public static final String EXCEPTION = "exception";

    public boolean open() {
        return PENDING.equals(status) || PROCESSING.equals(status);
    }
}
