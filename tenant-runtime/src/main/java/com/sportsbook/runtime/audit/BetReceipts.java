package com.sportsbook.runtime.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Bet receipts signed by the platform. A receipt is issued in the accepting transaction (its content is fixed there
 * and goes into the audit chain); its Ed25519 signature follows within about a second, or when it is first read,
 * whichever comes first, so that signing does not lengthen placement (ADR 0016). Ed25519 is deterministic: the
 * signature is the same whenever it is computed.
 */
public interface BetReceipts {

    /** Keeps the receipt of an accepted bet (a bet that has one already keeps it); returns its canonical text. */
    String issue(BetReceipt receipt);

    /** The bet's receipt, signed (signed now if it was not yet). */
    Optional<SignedReceipt> forBet(UUID betId);

    /** The key players verify receipts with. */
    ReceiptKey publicKey();
}
