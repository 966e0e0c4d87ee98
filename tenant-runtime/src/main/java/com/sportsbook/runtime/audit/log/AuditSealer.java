package com.sportsbook.runtime.audit.log;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Chains the bound tenant's committed, unsealed audit records (the work list {@code audit_unsealed}): in id order, each
 * gets a link of its own ({@code audit_chain_link}: the next sequence number, the previous record's hash and its own,
 * {@link ChainHash}); records themselves are never updated. One sealer per tenant at a time (a transaction-scoped
 * advisory lock), in batches of one transaction each. A record that commits after later ones were sealed is simply
 * chained in a later pass, after them: the chain's order is the order records were sealed in.
 */
public final class AuditSealer {

    private final AuditChain chain;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final int batchSize;

    AuditSealer(AuditChain chain, TransactionOperations transactions, Clock clock, int batchSize) {
        this.chain = chain;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Seals everything committed so far, after a sealer that is running now; returns how many records it sealed. */
    public int seal() {
        return sealAll(true);
    }

    /** The scheduled pass: skips the tenant when another replica's sealer holds it. */
    int sealIfFree() {
        return sealAll(false);
    }

    private int sealAll(boolean wait) {
        int total = 0;
        while (true) {
            Integer sealed = transactions.execute(status -> pass(wait));
            if (sealed == null || sealed < 0) {
                return total;
            }
            total += sealed;
            if (sealed < batchSize) {
                return total;
            }
        }
    }

    /** One batch; -1 when another sealer holds the tenant. */
    private int pass(boolean wait) {
        if (!chain.lockSealer(wait)) {
            return -1;
        }
        List<AuditRow> records = chain.unsealed(batchSize);
        if (records.isEmpty()) {
            return 0;
        }
        AuditChain.Head head = chain.head();
        long seq = head.lastSeq();
        String previous = head.lastHash();
        List<AuditChain.Link> links = new ArrayList<>(records.size());
        for (AuditRow record : records) {
            seq++;
            String hash = ChainHash.of(seq, previous, record);
            links.add(new AuditChain.Link(record.id(), seq, previous, hash));
            previous = hash;
        }
        chain.seal(links, clock.instant());
        return records.size();
    }
}
