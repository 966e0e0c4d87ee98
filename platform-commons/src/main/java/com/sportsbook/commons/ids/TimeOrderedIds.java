package com.sportsbook.commons.ids;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers for rows written at a high rate (bets, their ledger transactions and holds, cash-outs): version 7
 * UUIDs of RFC 9562, whose first 48 bits are the Unix time in milliseconds and the next 12 the fraction of that
 * millisecond (section 6.2, method 3), followed by 62 random bits.
 *
 * <p>PostgreSQL orders {@code uuid} values byte by byte, so a B-tree over these identifiers grows at its right-hand
 * edge like one over a sequence: each insert lands on the last leaf page instead of a random one. A random (version
 * 4) key touches a different leaf page with nearly every insert, so after each checkpoint nearly every insert writes
 * a full page image to the WAL, and the index's working set is the whole index. The 62 random bits (the same
 * generator as {@link UUID#randomUUID()}) keep identifiers that players and operators see unguessable; what they
 * reveal is the time the row was written, which every such row carries anyway.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new identifier for the current instant. */
    public static UUID next() {
        return at(Instant.now());
    }

    /** A new identifier for the given instant (its milliseconds and their fraction; the rest random). */
    static UUID at(Instant instant) {
        long millis = instant.toEpochMilli();
        long fraction = (instant.getNano() % 1_000_000L) * 4096L / 1_000_000L;
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | fraction;
        long low = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** The instant an identifier made here was generated, to the millisecond. */
    public static Instant instantOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a time-ordered (version 7) identifier: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
