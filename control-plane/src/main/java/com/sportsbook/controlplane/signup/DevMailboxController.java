package com.sportsbook.controlplane.signup;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The embedded mode's mailbox: what the in-process SMTP server received, newest first, with the links found in each
 * mail. 404 whenever the control plane sends through a real relay.
 */
@RestController
class DevMailboxController {

    private final EmbeddedMailServerHolder embedded;

    DevMailboxController(EmbeddedMailServerHolder embedded) {
        this.embedded = embedded;
    }

    @GetMapping("/dev/mailbox")
    @Operation(summary = "Embedded mode only: the mails the platform sent, with their links")
    ResponseEntity<?> mailbox() {
        return embedded.server()
                .<ResponseEntity<?>>map(server -> ResponseEntity.ok(server.received()))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                        "There is no development mailbox: this control plane sends mail through a real relay."));
    }
}
