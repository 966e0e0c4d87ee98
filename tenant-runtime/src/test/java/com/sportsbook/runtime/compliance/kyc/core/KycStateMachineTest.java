package com.sportsbook.runtime.compliance.kyc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class KycStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Set<DocumentCategory> BOTH = EnumSet.allOf(DocumentCategory.class);
    private static final Actor PLAYER = Actor.player("3f9a0c1e-0000-0000-0000-000000000001");
    private static final Actor PROVIDER = Actor.provider("sandbox");
    private static final Actor OFFICER = Actor.officer("officer.olga");
    private static final Actor SYSTEM = Actor.system("kyc-expiry");

    /** A case in each state as it would be found: verified and expired ones past their expiry. */
    private static KycCase in(KycState state) {
        Instant expiry = state == KycState.VERIFIED || state == KycState.EXPIRED ? NOW.minusSeconds(1) : null;
        Instant requested = state == KycState.NOT_STARTED ? null : NOW.minus(Duration.ofDays(2));
        return new KycCase(state, state == KycState.NOT_STARTED ? Set.of() : BOTH, requested, expiry);
    }

    private record Move(KycCommand command, Actor actor) {
    }

    private static Map<String, Move> everyCommand() {
        Map<String, Move> moves = new LinkedHashMap<>();
        moves.put("officer requests documents", new Move(new KycCommand.RequestDocuments(BOTH, "please send them"), OFFICER));
        moves.put("player starts again", new Move(new KycCommand.RequestDocuments(BOTH, "resubmission"), PLAYER));
        moves.put("player submits", new Move(new KycCommand.Submit(BOTH), PLAYER));
        moves.put("provider approves", new Move(new KycCommand.Approve(NOW.plus(Duration.ofDays(365)), "clear"), PROVIDER));
        moves.put("officer rejects", new Move(new KycCommand.Reject("the document is a photocopy"), OFFICER));
        moves.put("provider refers", new Move(new KycCommand.Refer("partial name match"), PROVIDER));
        moves.put("system expires", new Move(new KycCommand.Expire(), SYSTEM));
        moves.put("officer sets expiry", new Move(new KycCommand.SetExpiry(NOW.plus(Duration.ofDays(30)), "passport renewal"), OFFICER));
        return moves;
    }

    /** The only legal moves: state -> command -> state after. Everything else is illegal_transition. */
    private static Map<KycState, Map<String, KycState>> legal() {
        Map<KycState, Map<String, KycState>> legal = new EnumMap<>(KycState.class);
        for (KycState state : KycState.values()) {
            legal.put(state, new LinkedHashMap<>());
        }
        legal.get(KycState.NOT_STARTED).put("officer requests documents", KycState.PENDING);
        legal.get(KycState.NOT_STARTED).put("player starts again", KycState.PENDING);
        legal.get(KycState.PENDING).put("player submits", KycState.IN_REVIEW);
        legal.get(KycState.IN_REVIEW).put("provider approves", KycState.VERIFIED);
        legal.get(KycState.IN_REVIEW).put("officer rejects", KycState.REJECTED);
        legal.get(KycState.IN_REVIEW).put("provider refers", KycState.IN_REVIEW);
        legal.get(KycState.IN_REVIEW).put("officer requests documents", KycState.PENDING);
        legal.get(KycState.VERIFIED).put("system expires", KycState.EXPIRED);
        legal.get(KycState.VERIFIED).put("officer sets expiry", KycState.VERIFIED);
        legal.get(KycState.EXPIRED).put("officer requests documents", KycState.PENDING);
        legal.get(KycState.EXPIRED).put("player starts again", KycState.PENDING);
        legal.get(KycState.REJECTED).put("officer requests documents", KycState.PENDING);
        legal.get(KycState.REJECTED).put("player starts again", KycState.PENDING);
        return legal;
    }

    @Test
    void everyStateTakesExactlyItsLegalMovesAndRefusesEveryOtherAsAnIllegalTransition() {
        SoftAssertions cells = new SoftAssertions();
        Map<KycState, Map<String, KycState>> legal = legal();
        for (KycState state : KycState.values()) {
            everyCommand().forEach((name, move) -> {
                KycStateMachine.Outcome outcome = KycStateMachine.decide(in(state), move.command(), move.actor(), NOW);
                KycState expected = legal.get(state).get(name);
                String cell = state.wire() + " + " + name;
                if (expected == null) {
                    cells.assertThat(outcome).as(cell).isInstanceOf(KycStateMachine.Outcome.Refused.class);
                    if (outcome instanceof KycStateMachine.Outcome.Refused refused) {
                        cells.assertThat(refused.code()).as(cell).isEqualTo("illegal_transition");
                        cells.assertThat(refused.detail()).as(cell).contains(state.wire());
                    }
                } else {
                    cells.assertThat(outcome).as(cell).isInstanceOf(KycStateMachine.Outcome.Moved.class);
                    if (outcome instanceof KycStateMachine.Outcome.Moved moved) {
                        cells.assertThat(moved.after().state()).as(cell).isEqualTo(expected);
                        cells.assertThat(moved.transition().from()).as(cell).isEqualTo(state);
                        cells.assertThat(moved.transition().to()).as(cell).isEqualTo(expected);
                        cells.assertThat(moved.transition().actor()).as(cell).isEqualTo(move.actor());
                        cells.assertThat(moved.transition().at()).as(cell).isEqualTo(NOW);
                        cells.assertThat(moved.transition().reason()).as(cell).isNotBlank();
                        cells.assertThat(moved.transition().action()).as(cell).isEqualTo(move.command().action());
                    }
                }
            });
        }
        cells.assertAll();
    }

    @Test
    void aPlayerStartingVerificationIsAskedForTheDocumentsAndTheRequestIsRecordedWithActorTimeAndReason() {
        var moved = (KycStateMachine.Outcome.Moved) KycStateMachine.decide(KycCase.notStarted(),
                new KycCommand.RequestDocuments(BOTH, "the player started verification"), PLAYER, NOW);

        assertThat(moved.after().state()).isEqualTo(KycState.PENDING);
        assertThat(moved.after().required()).containsExactlyInAnyOrder(DocumentCategory.IDENTITY, DocumentCategory.ADDRESS);
        assertThat(moved.after().requestedAt()).isEqualTo(NOW);
        assertThat(moved.transition()).isEqualTo(new KycTransition(KycState.NOT_STARTED, KycState.PENDING,
                "documents_requested", PLAYER, NOW, "the player started verification"));
    }

    @Test
    void submittingWithoutEveryRequestedCategoryIsRefusedNamingWhatIsMissing() {
        KycStateMachine.Outcome outcome = KycStateMachine.decide(in(KycState.PENDING),
                new KycCommand.Submit(Set.of(DocumentCategory.IDENTITY)), PLAYER, NOW);

        assertThat(outcome).isEqualTo(new KycStateMachine.Outcome.Refused("documents_missing",
                "Upload proof_of_address before submitting."));
    }

    @Test
    void onlyTheProviderOrAnOfficerDecidesAndOnlyThePlayerSubmits() {
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Approve(NOW.plusSeconds(60), "me"), PLAYER, NOW)))
                .isEqualTo("actor_not_allowed");
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Reject("no"), SYSTEM, NOW)))
                .isEqualTo("actor_not_allowed");
        assertThat(code(KycStateMachine.decide(in(KycState.PENDING), new KycCommand.Submit(BOTH), OFFICER, NOW)))
                .isEqualTo("actor_not_allowed");
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Refer("look"), OFFICER, NOW)))
                .isEqualTo("actor_not_allowed");
        assertThat(code(KycStateMachine.decide(in(KycState.VERIFIED), new KycCommand.SetExpiry(NOW, "x"), PROVIDER, NOW)))
                .isEqualTo("actor_not_allowed");
        assertThat(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Approve(NOW.plusSeconds(60), "seen the passport"),
                OFFICER, NOW)).isInstanceOf(KycStateMachine.Outcome.Moved.class);
    }

    @Test
    void aPlayerCannotPullACaseBackOutOfReview() {
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.RequestDocuments(BOTH, "changed my mind"),
                PLAYER, NOW))).isEqualTo("illegal_transition");
    }

    @Test
    void decisionsAndDocumentRequestsNeedAReasonAndARequestNamesWhatItWants() {
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Reject(" "), OFFICER, NOW)))
                .isEqualTo("reason_required");
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Approve(NOW.plusSeconds(60), null), OFFICER, NOW)))
                .isEqualTo("reason_required");
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Reject("x".repeat(2001)), OFFICER, NOW)))
                .isEqualTo("reason_required");
        assertThat(code(KycStateMachine.decide(in(KycState.REJECTED), new KycCommand.RequestDocuments(Set.of(), "more"), OFFICER, NOW)))
                .isEqualTo("nothing_requested");
    }

    @Test
    void anApprovalMustHoldUntilATimeAfterNow() {
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Approve(NOW, "clear"), PROVIDER, NOW)))
                .isEqualTo("expiry_not_in_future");
        assertThat(code(KycStateMachine.decide(in(KycState.IN_REVIEW), new KycCommand.Approve(null, "clear"), PROVIDER, NOW)))
                .isEqualTo("expiry_not_in_future");
    }

    @Test
    void aVerificationIsInForceUntilItsExpiryAndExpiresOnlyOnceThatHasPassed() {
        Instant expiry = NOW.plus(Duration.ofDays(10));
        KycCase verified = new KycCase(KycState.VERIFIED, BOTH, NOW.minus(Duration.ofDays(1)), expiry);

        KycStateMachine.Outcome early = KycStateMachine.decide(verified, new KycCommand.Expire(), SYSTEM, NOW);
        KycStateMachine.Outcome due = KycStateMachine.decide(verified, new KycCommand.Expire(), SYSTEM, expiry);

        assertThat(verified.verifiedAt(NOW)).isTrue();
        assertThat(verified.verifiedAt(expiry)).isFalse();
        assertThat(code(early)).isEqualTo("not_yet_expired");
        assertThat(((KycStateMachine.Outcome.Moved) due).after().state()).isEqualTo(KycState.EXPIRED);
        assertThat(((KycStateMachine.Outcome.Moved) due).after().verifiedAt(expiry)).isFalse();
        assertThat(((KycStateMachine.Outcome.Moved) due).transition().reason()).contains(expiry.toString());
    }

    @Test
    void anOfficerMayMoveAnExpiryEarlierSoThatTheExpiryJobEndsTheVerification() {
        var set = (KycStateMachine.Outcome.Moved) KycStateMachine.decide(
                new KycCase(KycState.VERIFIED, BOTH, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300))),
                new KycCommand.SetExpiry(NOW.minusSeconds(1), "the passport was reported stolen"), OFFICER, NOW);

        assertThat(set.after().state()).isEqualTo(KycState.VERIFIED);
        assertThat(set.after().verifiedAt(NOW)).isFalse();
        assertThat(set.transition().reason()).startsWith("the passport was reported stolen");
        assertThat(KycStateMachine.decide(set.after(), new KycCommand.Expire(), SYSTEM, NOW))
                .isInstanceOf(KycStateMachine.Outcome.Moved.class);
    }

    @Test
    void aReferralKeepsTheCaseInReviewAndIsStillRecorded() {
        var referred = (KycStateMachine.Outcome.Moved) KycStateMachine.decide(in(KycState.IN_REVIEW),
                new KycCommand.Refer("partial name match"), PROVIDER, NOW);

        assertThat(referred.after()).isEqualTo(in(KycState.IN_REVIEW));
        assertThat(referred.transition().action()).isEqualTo("referred");
        assertThat(referred.transition().from()).isEqualTo(KycState.IN_REVIEW);
        assertThat(referred.transition().to()).isEqualTo(KycState.IN_REVIEW);
    }

    private static String code(KycStateMachine.Outcome outcome) {
        return outcome instanceof KycStateMachine.Outcome.Refused refused ? refused.code() : "moved";
    }
}
