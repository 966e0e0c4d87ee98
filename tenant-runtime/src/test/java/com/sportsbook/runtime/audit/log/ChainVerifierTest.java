package com.sportsbook.runtime.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier on chains built in memory, sealed as the sealer seals them, then tampered with. */
class ChainVerifierTest {

    private static List<AuditRow> sealedChain(int length) {
        List<AuditRow> chain = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRow unsealed = new AuditRow(100 + i, "bet.accepted", "bet-" + i, null, "player:" + i,
                    Instant.parse("2025-03-01T12:00:00Z").plusSeconds(i), "{\"stake\":" + (i * 100) + "}", null, null, null, null);
            String hash = ChainHash.of(i, previous, unsealed);
            chain.add(sealed(unsealed, i, previous, hash));
            previous = hash;
        }
        return chain;
    }

    private static AuditRow sealed(AuditRow row, long seq, String prev, String hash) {
        return new AuditRow(row.id(), row.kind(), row.subject(), row.reference(), row.actor(), row.occurredAt(), row.payload(),
                seq, prev, hash, Instant.now());
    }

    private static AuditRow withPayload(AuditRow row, String payload) {
        return new AuditRow(row.id(), row.kind(), row.subject(), row.reference(), row.actor(), row.occurredAt(), payload,
                row.seq(), row.prevHash(), row.hash(), row.sealedAt());
    }

    private static ChainVerifier walk(List<AuditRow> chain, AuditChain.Head head) {
        ChainVerifier verifier = new ChainVerifier();
        for (AuditRow row : chain) {
            if (!verifier.accept(row)) {
                break;
            }
        }
        verifier.end(head);
        return verifier;
    }

    private static AuditChain.Head headOf(List<AuditRow> chain) {
        return new AuditChain.Head(chain.getLast().seq(), chain.getLast().hash());
    }

    @Test
    void anUntouchedChainHolds() {
        List<AuditRow> chain = sealedChain(6);

        ChainVerifier verifier = walk(chain, headOf(chain));

        assertThat(verifier.finding()).isNull();
        assertThat(verifier.checked()).isEqualTo(6);
    }

    @Test
    void anEmptyChainHoldsAgainstTheGenesisHead() {
        assertThat(walk(List.of(), new AuditChain.Head(0, ChainHash.GENESIS)).finding()).isNull();
    }

    @Test
    void anEditedPayloadIsAHashMismatchAtThatRecord() {
        List<AuditRow> chain = sealedChain(6);
        AuditChain.Head head = headOf(chain);
        chain.set(3, withPayload(chain.get(3), "{\"stake\":1}"));

        ChainVerifier.Finding finding = walk(chain, head).finding();

        assertThat(finding.problem()).isEqualTo(ChainVerifier.HASH_MISMATCH);
        assertThat(finding.seq()).isEqualTo(4);
        assertThat(finding.recordId()).isEqualTo(104);
    }

    @Test
    void aDeletedRecordIsAGapNamedByItsSequence() {
        List<AuditRow> chain = sealedChain(6);
        AuditChain.Head head = headOf(chain);
        chain.remove(2);

        ChainVerifier.Finding finding = walk(chain, head).finding();

        assertThat(finding.problem()).isEqualTo(ChainVerifier.MISSING_RECORD);
        assertThat(finding.seq()).isEqualTo(3);
        assertThat(finding.detail()).contains("record 3 is missing");
    }

    @Test
    void twoRecordsSwappedBreakThePreviousHashLinkAtTheFirstOfThem() {
        List<AuditRow> chain = sealedChain(6);
        AuditChain.Head head = headOf(chain);
        AuditRow third = chain.get(2);
        AuditRow fourth = chain.get(3);
        chain.set(2, sealed(fourth, 3, fourth.prevHash(), fourth.hash()));
        chain.set(3, sealed(third, 4, third.prevHash(), third.hash()));

        ChainVerifier.Finding finding = walk(chain, head).finding();

        assertThat(finding.problem()).isEqualTo(ChainVerifier.PREVIOUS_HASH_MISMATCH);
        assertThat(finding.seq()).isEqualTo(3);
        assertThat(finding.recordId()).isEqualTo(fourth.id());
    }

    @Test
    void aRecordCutOffTheEndIsNoticedByTheHead() {
        List<AuditRow> chain = sealedChain(6);
        AuditChain.Head head = headOf(chain);
        chain.removeLast();

        ChainVerifier.Finding finding = walk(chain, head).finding();

        assertThat(finding.problem()).isEqualTo(ChainVerifier.MISSING_TAIL);
        assertThat(finding.seq()).isEqualTo(6);
    }

    @Test
    void aChainRewrittenFromAnEditOnwardStillDisagreesWithItsHead() {
        List<AuditRow> chain = sealedChain(4);
        AuditChain.Head head = headOf(chain);
        // the forger edits record 3 and recomputes its hash and every later one, but cannot move the head back
        List<AuditRow> forged = new ArrayList<>(chain.subList(0, 2));
        String previous = chain.get(1).hash();
        for (int i = 2; i < 4; i++) {
            AuditRow edited = withPayload(chain.get(i), "{\"stake\":1}");
            String hash = ChainHash.of(i + 1, previous, edited);
            forged.add(sealed(edited, i + 1, previous, hash));
            previous = hash;
        }

        assertThat(walk(forged, head).finding().problem()).isEqualTo(ChainVerifier.HEAD_MISMATCH);
    }
}
