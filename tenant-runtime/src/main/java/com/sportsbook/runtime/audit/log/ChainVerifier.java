package com.sportsbook.runtime.audit.log;

/**
 * Walks a chain in sequence order and stops at the first record that does not hold: a gap in the sequence (a link
 * deleted) or a link whose record is gone, a record whose previous hash is not its predecessor's hash (records
 * reordered, or a predecessor replaced), a record whose content no longer gives its hash (edited); at the end, a chain
 * shorter or other than its head says (records cut off the end). Plain Java.
 */
final class ChainVerifier {

    static final String MISSING_RECORD = "missing_record";
    static final String PREVIOUS_HASH_MISMATCH = "previous_hash_mismatch";
    static final String HASH_MISMATCH = "hash_mismatch";
    static final String MISSING_TAIL = "missing_tail";
    static final String HEAD_MISMATCH = "head_mismatch";

    /** The first bad record: its sequence number and, unless it is gone, its id. */
    record Finding(String problem, long seq, Long recordId, String detail) {
    }

    private long expected = 1;
    private String previous = ChainHash.GENESIS;
    private long checked;
    private Finding finding;

    /** Checks the next record; false once a record fails (the walk stops there). */
    boolean accept(AuditRow record) {
        if (finding != null) {
            return false;
        }
        long seq = record.seq();
        if (seq != expected) {
            finding = seq > expected
                    ? new Finding(MISSING_RECORD, expected, null, (seq - expected == 1 ? "record " + expected + " is"
                            : "records " + expected + " to " + (seq - 1) + " are") + " missing: the chain goes from "
                            + (expected - 1) + " to " + seq + " (record id " + record.id() + ")")
                    : new Finding(MISSING_RECORD, expected, record.id(), "sequence " + seq + " appears again after "
                            + (expected - 1));
            return false;
        }
        if (record.gone()) {
            finding = new Finding(MISSING_RECORD, seq, record.id(), "record " + seq + " is missing (id " + record.id()
                    + "): its link is in the chain, the record is not");
            return false;
        }
        if (!previous.equals(record.prevHash())) {
            finding = new Finding(PREVIOUS_HASH_MISMATCH, seq, record.id(), "record " + seq + " (id " + record.id()
                    + ") names " + record.prevHash() + " as the previous hash, but record " + (seq - 1) + " has " + previous
                    + ": records were reordered or one was replaced");
            return false;
        }
        String recomputed = ChainHash.of(seq, record.prevHash(), record);
        if (!recomputed.equals(record.hash())) {
            finding = new Finding(HASH_MISMATCH, seq, record.id(), "record " + seq + " (id " + record.id() + ", "
                    + record.kind() + ") hashes to " + recomputed + ", not to its sealed hash " + record.hash()
                    + ": its content was changed after sealing");
            return false;
        }
        checked++;
        expected++;
        previous = record.hash();
        return true;
    }

    /** After the last record: the chain must end where its head says. */
    void end(AuditChain.Head head) {
        if (finding != null) {
            return;
        }
        long last = expected - 1;
        if (head.lastSeq() > last) {
            finding = new Finding(MISSING_TAIL, last + 1, null, "the chain ends at " + last + " but was sealed up to "
                    + head.lastSeq() + ": records " + (last + 1) + " to " + head.lastSeq() + " are missing");
        } else if (head.lastSeq() < last || !head.lastHash().equals(previous)) {
            finding = new Finding(HEAD_MISMATCH, head.lastSeq(), null, "the chain head (" + head.lastSeq() + ", "
                    + head.lastHash() + ") does not match the chain's last record (" + last + ", " + previous + ")");
        }
    }

    long checked() {
        return checked;
    }

    long lastSeq() {
        return expected - 1;
    }

    String lastHash() {
        return previous;
    }

    Finding finding() {
        return finding;
    }
}
