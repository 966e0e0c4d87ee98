package com.sportsbook.runtime.compliance.screening.core;

/**
 * A list entry compared with a person: the listed name that matched best, the name score, how the dates of birth
 * agree, the combined score and whether it is a hit under the policy.
 */
public record Hit(ListEntry entry, String matchedName, double nameScore, DobMatch dob, double score, boolean isHit) {
}
