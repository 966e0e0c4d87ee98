package com.sportsbook.controlplane.signup;

import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator signup on the portal: the terms, the signup itself, and following the e-mailed link. Public. */
@RestController
@RequestMapping("/api/v1/signups")
class SignupController {

    record SignupBody(String email, String firstName, String lastName, String company, String password,
            String acceptedTermsVersion) {
    }

    record VerificationBody(String token) {
    }

    private final OperatorSignups signups;

    SignupController(OperatorSignups signups) {
        this.signups = signups;
    }

    @GetMapping("/terms")
    @Operation(summary = "The platform terms a signup accepts, with their version")
    Map<String, String> terms() {
        return Map.of("version", signups.terms().version(), "text", signups.terms().text());
    }

    @PostMapping
    @Operation(summary = "Sign up as an operator: a disabled account, the accepted terms recorded, a verification mail sent")
    ResponseEntity<?> signUp(@RequestBody SignupBody body, HttpServletRequest request) {
        SignupForm form = new SignupForm(body.email(), body.firstName(), body.lastName(), body.company(), body.password(),
                body.acceptedTermsVersion());
        return switch (signups.signUp(form, request.getRemoteAddr())) {
            case OperatorSignups.SignupResult.Accepted accepted -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
                    "id", accepted.id(), "email", accepted.email(), "linkExpires", accepted.linkExpires(),
                    "next", "Open the link we sent to " + accepted.email() + " to confirm the address."));
            case OperatorSignups.SignupResult.Invalid invalid -> Problems.response(Problems.invalid(
                    "The signup is incomplete or has invalid values.",
                    invalid.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList()));
            case OperatorSignups.SignupResult.TermsOutdated outdated -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    SignupCodes.TERMS_OUTDATED, "Accept the current terms, version " + outdated.current() + ".");
            case OperatorSignups.SignupResult.EmailTaken taken -> Problems.response(HttpStatus.CONFLICT,
                    SignupCodes.EMAIL_TAKEN, "There is already an operator account for this e-mail address.");
            case OperatorSignups.SignupResult.PasswordRefused refused -> Problems.response(Problems.invalid(
                    "The password does not meet the platform's policy: at least 10 characters with an upper-case letter,"
                            + " a lower-case letter and a digit, and not the e-mail address.",
                    java.util.List.of(Map.of("field", "password", "message", refused.policy()))));
            case OperatorSignups.SignupResult.MailUnavailable unavailable -> Problems.response(HttpStatus.SERVICE_UNAVAILABLE,
                    SignupCodes.MAIL_UNAVAILABLE, "The verification mail could not be sent; nothing was created. Try again shortly.");
        };
    }

    @PostMapping("/verification")
    @Operation(summary = "Follow the e-mailed link: the account is enabled with a verified address")
    ResponseEntity<?> verify(@RequestBody VerificationBody body) {
        return switch (signups.verify(body == null ? null : body.token())) {
            case OperatorSignups.VerificationResult.Verified verified -> ResponseEntity.ok(Map.of(
                    "email", verified.email(), "alreadyVerified", verified.already()));
            case OperatorSignups.VerificationResult.Unknown unknown -> Problems.response(HttpStatus.NOT_FOUND,
                    SignupCodes.UNKNOWN_VERIFICATION, "This link is not valid. Copy the whole link from the mail.");
            case OperatorSignups.VerificationResult.Expired expired -> Problems.response(HttpStatus.GONE,
                    SignupCodes.VERIFICATION_EXPIRED, "This link has expired. Sign up again to get a new one.");
        };
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in operator's signup: e-mail, company and the terms accepted")
    ResponseEntity<?> mine(JwtAuthenticationToken token) {
        return signups.ofAccount(token.getToken().getSubject())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, com.sportsbook.commons.ErrorCodes.NOT_FOUND,
                        "This account did not sign up through the portal."));
    }
}
