package com.sportsbook.runtime.compliance.screening.core;

import java.util.List;

/**
 * A name ready for comparison: its tokens with their keys and respellings, the same without a fused particle
 * ({@code alzawahiri→zawahiri}, null where there is none), and the fusion of each two neighbouring tokens (so
 * {@code Abu Bakr} meets {@code Abubakr}).
 */
record PreparedName(String[] tokens, String[] keys, String[] spellings, String[] bare, String[] bareKeys,
        String[] fused, String[] fusedKeys) {

    /** At most this many tokens take part (masks are ints); real names stay far below it. */
    static final int MAX_TOKENS = 15;

    static PreparedName of(String name) {
        List<String> all = NameTokens.of(name);
        List<String> words = all.size() > MAX_TOKENS ? all.subList(0, MAX_TOKENS) : all;
        String[] tokens = words.toArray(String[]::new);
        int n = tokens.length;
        String[] keys = new String[n];
        String[] spellings = new String[n];
        String[] bare = new String[n];
        String[] bareKeys = new String[n];
        for (int i = 0; i < n; i++) {
            spellings[i] = NameTokens.spelling(tokens[i]);
            keys[i] = NameTokens.key(tokens[i]);
            bare[i] = NameTokens.withoutParticle(tokens[i]);
            bareKeys[i] = bare[i] == null ? null : NameTokens.key(bare[i]);
        }
        int pairs = Math.max(0, n - 1);
        String[] fused = new String[pairs];
        String[] fusedKeys = new String[pairs];
        for (int i = 0; i < pairs; i++) {
            fused[i] = tokens[i] + tokens[i + 1];
            fusedKeys[i] = NameTokens.key(fused[i]);
        }
        return new PreparedName(tokens, keys, spellings, bare, bareKeys, fused, fusedKeys);
    }

    int size() {
        return tokens.length;
    }

    /** The mask of the words that are only the prefix of the next ({@code abd}: Abd al-Rahman is one name). */
    int prefixes() {
        int mask = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equals(NameTokens.ABD)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }
}
