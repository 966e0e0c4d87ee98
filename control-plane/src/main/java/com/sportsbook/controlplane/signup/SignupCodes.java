package com.sportsbook.controlplane.signup;

/** The {@code code} values of the signup's problem details. */
final class SignupCodes {

    static final String TERMS_OUTDATED = "terms_outdated";
    static final String EMAIL_TAKEN = "email_taken";
    static final String MAIL_UNAVAILABLE = "mail_unavailable";
    static final String UNKNOWN_VERIFICATION = "unknown_verification";
    static final String VERIFICATION_EXPIRED = "verification_expired";

    private SignupCodes() {
    }
}
