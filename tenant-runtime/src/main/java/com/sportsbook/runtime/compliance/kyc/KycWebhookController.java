package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the KYC provider delivers its verdicts, on the brand's host. No bearer token: the provider's signature over
 * the raw body authenticates the call. 2xx tells the provider to stop redelivering; a forged call gets 400 and
 * changes nothing; a reference we do not know (yet) gets 404, so the provider tries again later.
 */
@RestController
class KycWebhookController {

    private final KycWebhookIntake intake;

    KycWebhookController(KycWebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/v1/kyc/webhooks/{provider}")
    @Operation(summary = "KYC provider webhooks (signed); public, authenticated by the provider's signature")
    ResponseEntity<?> receive(@PathVariable String provider, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        if (!intake.providerName().equals(provider)) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "This brand takes no KYC webhooks from " + provider + ".");
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return switch (intake.receive(body == null ? new byte[0] : body, headers)) {
            case KycWebhookIntake.Outcome.Applied applied -> ResponseEntity.ok(Map.of("received", true, "result", applied.result()));
            case KycWebhookIntake.Outcome.Duplicate duplicate -> ResponseEntity.ok(Map.of("received", true, "result", "duplicate"));
            case KycWebhookIntake.Outcome.Forged forged -> Problems.response(HttpStatus.BAD_REQUEST, "webhook_signature_invalid",
                    "The webhook's signature is not valid: " + forged.reason() + ".");
            case KycWebhookIntake.Outcome.UnknownReference unknown -> Problems.response(HttpStatus.NOT_FOUND, "unknown_reference",
                    "No KYC case has the reference " + unknown.reference() + " (yet).");
        };
    }
}
