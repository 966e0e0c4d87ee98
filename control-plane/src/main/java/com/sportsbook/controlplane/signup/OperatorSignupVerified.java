package com.sportsbook.controlplane.signup;

import java.util.UUID;

/**
 * An operator followed the e-mailed link: their platform-realm account ({@code accountId}, the subject of its tokens)
 * is enabled. They act for themselves here; no one else is signed in.
 */
public record OperatorSignupVerified(UUID signupId, String accountId, String email, String company, String termsVersion) {
}
