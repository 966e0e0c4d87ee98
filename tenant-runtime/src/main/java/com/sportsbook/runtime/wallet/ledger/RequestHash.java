package com.sportsbook.runtime.wallet.ledger;

import com.sportsbook.runtime.wallet.WalletCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a command, kept with its idempotency key: a replay must carry the very same command. Commands
 * are records of records, strings, numbers, enums and currencies, so their text form is complete and stable, and it
 * starts with the record's name: a {@code Reverse} and a {@code ReverseAllowingDebt} of the same transaction differ.
 */
final class RequestHash {

    private RequestHash() {
    }

    static String of(WalletCommand command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(command.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
