package com.sportsbook.runtime.audit.web;

import com.sportsbook.runtime.audit.BetReceipts;
import com.sportsbook.runtime.audit.ReceiptKey;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's public key for bet receipts, open to anyone: a receipt's {@code signature} is Ed25519 over the UTF-8
 * bytes of its {@code canonical} text (ADR 0016; {@code ReceiptVerification} checks it with the JDK alone, or
 * {@code openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in receipt.txt -sigfile receipt.sig}).
 */
@RestController
class ReceiptKeyController {

    private final BetReceipts receipts;

    ReceiptKeyController(BetReceipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/receipts/public-key")
    @Operation(summary = "The Ed25519 public key bet receipts are signed with (X.509 DER as base64, and PEM)")
    ReceiptKey publicKey() {
        return receipts.publicKey();
    }
}
