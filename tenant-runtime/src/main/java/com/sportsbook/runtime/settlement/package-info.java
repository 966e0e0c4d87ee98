/**
 * Settlement: grading every market type from results, paying bets out once, resettling corrected results, voids.
 * So far the grading rules and the returns of graded singles, multiples and systems ({@code core}, plain Java);
 * results intake, payouts, resettlement and voids come next (settlement issue).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.sportsbook.runtime.settlement;
