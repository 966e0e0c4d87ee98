package com.sportsbook.runtime.audit.log;

import java.util.List;

/** Reads the chain page by page (in the caller's transaction, one snapshot) and verifies it. */
final class ChainWalk {

    private static final int PAGE = 2_000;

    /** What a walk found; {@code finding} null when the chain is intact. */
    record Result(long recordsChecked, long lastSeq, String lastHash, long unsealed, ChainVerifier.Finding finding) {
        boolean intact() {
            return finding == null;
        }
    }

    private ChainWalk() {
    }

    static Result verify(AuditChain chain) {
        AuditChain.Head head = chain.head();
        ChainVerifier verifier = new ChainVerifier();
        long after = 0;
        walk:
        while (true) {
            List<AuditRow> page = chain.sealedAfter(after, PAGE);
            for (AuditRow record : page) {
                if (!verifier.accept(record)) {
                    break walk;
                }
                after = record.seq();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        verifier.end(head);
        return new Result(verifier.checked(), verifier.lastSeq(), verifier.lastHash(), chain.unsealedCount(), verifier.finding());
    }
}
