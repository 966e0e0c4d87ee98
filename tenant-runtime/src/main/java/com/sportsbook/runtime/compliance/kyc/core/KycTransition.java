package com.sportsbook.runtime.compliance.kyc.core;

import java.time.Instant;

/** One line of a case's history: every move, and every recorded non-move (a referral, a new expiry), says who, when and why. */
public record KycTransition(KycState from, KycState to, String action, Actor actor, Instant at, String reason) {
}
