package com.sportsbook.runtime.compliance.screening.core;

/**
 * How well a person's name is explained by one listed name, from 0 to 1. Word order plays no part ("LAST, First"
 * and "First Last" are the same name); each word is matched at most once.
 *
 * <ol>
 *   <li>Two words match when they are equal (1.0), when their Jaro-Winkler similarity reaches {@value #WORD_MATCH}
 *       (typos and spelling variants: Zawahiri/Zawahari 0.95), or when they share a transliteration key and are
 *       still alike (Jaro-Winkler {@value #KEY_FLOOR} or more): {@value #SAME_KEY} (Mohammed/Muhammad,
 *       Usama/Osama, Hussein/Husayn). Words of up to three letters match only when equal or of the same key.</li>
 *   <li>A word may also match two neighbouring words fused (Abubakr/Abu Bakr, Binladen/Bin Laden); it then counts
 *       for both words on the fused side.</li>
 *   <li>Words are paired greedily, best pair first.</li>
 *   <li>Fewer than two of the person's words matched: 0. One shared word is never evidence enough. The "servant of"
 *       prefix ({@code abd}, see {@link NameTokens}) does not count as a word of its own here: Abdul Rahman is one
 *       given name.</li>
 *   <li>Every word weighs by its rarity on the lists (the inverse frequency of its transliteration key among the
 *       listed names, see {@link ScreeningIndex}): sharing "Mohammed" and "Ali" with a listed name says less than
 *       sharing "Zawahiri". The score is the weighted similarity of the matched words divided by their weight, plus
 *       {@value #UNMATCHED_PERSON} times the weight of the person's words left unexplained, plus
 *       {@value #UNMATCHED_LISTED} times the weight of the listed words left over. A middle name the person leaves
 *       out costs little (lists carry long chains of patronymics: "Usama bin Muhammad bin Awad BIN LADIN" explains
 *       "Osama Bin Laden"); a rare word the person gives and the listed name lacks costs more, since it is evidence
 *       of someone else.</li>
 * </ol>
 */
final class NameSimilarity {

    static final double WORD_MATCH = 0.88;
    static final double SAME_KEY = 0.9;
    static final double KEY_FLOOR = 0.8;
    static final double FUSED_MATCH = 0.92;
    static final double FUSED = 0.95;
    static final double PARTICLE = 0.97;
    static final double UNMATCHED_PERSON = 0.5;
    static final double UNMATCHED_LISTED = 0.1;

    private NameSimilarity() {
    }

    static double words(String a, String aKey, String b, String bKey) {
        if (a.equals(b)) {
            return 1.0;
        }
        boolean sameKey = aKey.equals(bKey);
        boolean shortWord = a.length() <= 3 || b.length() <= 3;
        if (!sameKey && shortWord) {
            return 0.0;
        }
        double similarity = JaroWinkler.similarity(a, b);
        if (sameKey) {
            if (similarity >= KEY_FLOOR
                    || JaroWinkler.similarity(NameTokens.spelling(a), NameTokens.spelling(b)) >= KEY_FLOOR) {
                return Math.max(similarity, SAME_KEY);
            }
        }
        return similarity >= WORD_MATCH && !shortWord ? similarity : 0.0;
    }

    /** The similarities of a person's words with one listed name's words, singly and fused. */
    interface Words {
        /** Person word {@code i} against listed word {@code j}. */
        double single(int i, int j);

        /** Person words {@code i} and {@code i + 1} fused against listed word {@code j}. */
        double personFused(int i, int j);

        /** Person word {@code i} against listed words {@code j} and {@code j + 1} fused. */
        double listedFused(int i, int j);
    }

    /** The similarities computed directly from the two prepared names. */
    static Words between(PreparedName person, PreparedName listed) {
        return new Words() {
            @Override
            public double single(int i, int j) {
                return NameSimilarity.single(person.tokens()[i], person.keys()[i], person.bare()[i], person.bareKeys()[i],
                        listed.tokens()[j], listed.keys()[j], listed.bare()[j], listed.bareKeys()[j]);
            }

            @Override
            public double personFused(int i, int j) {
                return fused(person.fused()[i], person.fusedKeys()[i], listed.tokens()[j], listed.keys()[j]);
            }

            @Override
            public double listedFused(int i, int j) {
                return fused(listed.fused()[j], listed.fusedKeys()[j], person.tokens()[i], person.keys()[i]);
            }
        };
    }

    /** One word each side, also trying them without a fused article ({@code Alzawahiri} and {@code Zawahiri}). */
    static double single(String a, String aKey, String aBare, String aBareKey, String b, String bKey, String bBare,
            String bBareKey) {
        double s = words(a, aKey, b, bKey);
        if (s == 0 && (aBare != null || bBare != null)) {
            s = PARTICLE * words(aBare == null ? a : aBare, aBare == null ? aKey : aBareKey,
                    bBare == null ? b : bBare, bBare == null ? bKey : bBareKey);
        }
        return s;
    }

    /** A fused pair against one word: only close spellings count, and a little less than two separate words. */
    static double fused(String fused, String fusedKey, String word, String wordKey) {
        double s = words(fused, fusedKey, word, wordKey);
        return s >= FUSED_MATCH ? FUSED * s : 0.0;
    }

    static double score(PreparedName person, double[] personWeights, PreparedName listed, double[] listedWeights) {
        return score(person.size(), person.prefixes(), personWeights, listed.size(), listedWeights, between(person, listed));
    }

    /**
     * The score of a person's name of {@code np} words against a listed name of {@code nl} words, each word weighted
     * ({@code personWeights}, {@code listedWeights}); 0 when fewer than two of the person's words match, not counting
     * the words of {@code personPrefixes} (a mask).
     */
    static double score(int np, int personPrefixes, double[] personWeights, int nl, double[] listedWeights, Words words) {
        if (np < 2 || nl == 0) {
            return 0.0;
        }
        // candidate pairings: similarity, the person's words covered (mask), the listed words covered (mask)
        int capacity = np * nl + Math.max(0, np - 1) * nl + np * Math.max(0, nl - 1);
        double[] similarity = new double[capacity];
        int[] personMask = new int[capacity];
        int[] listedMask = new int[capacity];
        int count = 0;
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < nl; j++) {
                double s = words.single(i, j);
                if (s > 0) {
                    similarity[count] = s;
                    personMask[count] = 1 << i;
                    listedMask[count++] = 1 << j;
                }
            }
        }
        if (count == 0) {
            return 0.0;
        }
        for (int i = 0; i < np - 1; i++) {
            for (int j = 0; j < nl; j++) {
                double s = words.personFused(i, j);
                if (s > 0) {
                    similarity[count] = s;
                    personMask[count] = 3 << i;
                    listedMask[count++] = 1 << j;
                }
            }
        }
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < nl - 1; j++) {
                double s = words.listedFused(i, j);
                if (s > 0) {
                    similarity[count] = s;
                    personMask[count] = 1 << i;
                    listedMask[count++] = 3 << j;
                }
            }
        }
        int usedPerson = 0;
        int usedListed = 0;
        double matched = 0;
        double matchedWeight = 0;
        boolean[] taken = new boolean[count];
        while (true) {
            int best = -1;
            for (int k = 0; k < count; k++) {
                if (!taken[k] && (personMask[k] & usedPerson) == 0 && (listedMask[k] & usedListed) == 0
                        && (best < 0 || similarity[k] > similarity[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            usedPerson |= personMask[best];
            usedListed |= listedMask[best];
            double weight = weight(personWeights, personMask[best]);
            matched += similarity[best] * weight;
            matchedWeight += weight;
        }
        if (Integer.bitCount(usedPerson & ~personPrefixes) < 2) {
            return 0.0;
        }
        double unexplained = weight(personWeights, ~usedPerson & ((1 << np) - 1));
        double leftOver = weight(listedWeights, ~usedListed & ((1 << nl) - 1));
        return matched / (matchedWeight + UNMATCHED_PERSON * unexplained + UNMATCHED_LISTED * leftOver);
    }

    private static double weight(double[] weights, int mask) {
        double sum = 0;
        for (int bits = mask; bits != 0; bits &= bits - 1) {
            sum += weights[Integer.numberOfTrailingZeros(bits)];
        }
        return sum;
    }
}
