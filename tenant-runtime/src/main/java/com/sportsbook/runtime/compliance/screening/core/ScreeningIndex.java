package com.sportsbook.runtime.compliance.screening.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The individuals of the loaded lists, indexed for screening one person at a time. Immutable: a new list version
 * builds a new index, and screenings in flight finish on the one they started with. Entities, vessels and aircraft
 * are not indexed: players are natural persons.
 *
 * <p>Blocking: every name of every entry (primary and aliases) is filed under the keys of its words: the
 * transliteration key ({@link NameTokens#key}), the first four letters of words of five letters or more (typos past
 * the start), the same for the word without a fused article ({@code Alzawahiri}), and the key of each two
 * neighbouring words fused. A person's name is looked up the same way, and only listed names that share keys with
 * at least two of the person's words are scored ({@link NameSimilarity}), which is what its two-word rule needs;
 * a match of two words that share neither key nor first four letters (a typo in the first letters of both) is not
 * looked for. Names of fewer than two words are not filed: they cannot reach two matched words.
 *
 * <p>Scoring compares each distinct listed word with the person's words once per screening (listed names share
 * most of their words), then the best-scoring name decides for each entry; dates of birth are compared with
 * {@link DobMatch} and combined by the {@link MatchPolicy}.
 */
public final class ScreeningIndex {

    private final MatchPolicy policy;
    private final List<ListEntry> entries;
    private final int[] nameEntry;
    private final String[] nameTexts;
    private final boolean[] weak;
    private final int[][] nameWords;
    private final int[][] nameFused;
    private final double[][] nameWeights;
    private final Dictionary words;
    private final Map<String, int[]> postings;
    private final Map<String, Integer> keyFrequency;
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();

    /** The distinct listed words and fused word pairs, with what comparing them needs. */
    private record Dictionary(String[] text, String[] key, String[] bare, String[] bareKey) {
        int size() {
            return text.length;
        }
    }

    /** Per-screening working memory, pooled: marks of the names looked up, and the similarity cache by word. */
    private static final class Scratch {
        final int[] marks;
        int[] touched = new int[256];
        int touchedCount;
        final double[][] asWord;
        final double[][] asFused;
        int[] cached = new int[64];
        int cachedCount;

        Scratch(int names, int words) {
            marks = new int[names];
            asWord = new double[words][];
            asFused = new double[words][];
        }

        void remember(int id) {
            if (cachedCount == cached.length) {
                cached = Arrays.copyOf(cached, cached.length * 2);
            }
            cached[cachedCount++] = id;
        }

        void touch(int id) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = id;
        }
    }

    private ScreeningIndex(MatchPolicy policy, List<ListEntry> entries, int[] nameEntry, String[] nameTexts,
            boolean[] weak, int[][] nameWords, int[][] nameFused, Dictionary words, Map<String, int[]> postings,
            Map<String, Integer> keyFrequency) {
        this.policy = policy;
        this.entries = entries;
        this.nameEntry = nameEntry;
        this.nameTexts = nameTexts;
        this.weak = weak;
        this.nameWords = nameWords;
        this.nameFused = nameFused;
        this.words = words;
        this.postings = postings;
        this.keyFrequency = keyFrequency;
        this.nameWeights = new double[nameWords.length][];
        for (int i = 0; i < nameWords.length; i++) {
            String[] keys = new String[nameWords[i].length];
            for (int w = 0; w < keys.length; w++) {
                keys[w] = words.key()[nameWords[i][w]];
            }
            nameWeights[i] = weights(keys);
        }
    }

    public static ScreeningIndex build(Collection<SanctionsList> lists, MatchPolicy policy) {
        List<ListEntry> entries = new ArrayList<>();
        for (SanctionsList list : lists) {
            entries.addAll(list.individuals());
        }
        List<Integer> nameEntry = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Boolean> weak = new ArrayList<>();
        List<int[]> nameWords = new ArrayList<>();
        List<int[]> nameFused = new ArrayList<>();
        Map<String, Integer> dictionary = new HashMap<>();
        List<String[]> dictionaryEntries = new ArrayList<>();
        Map<String, List<Integer>> filed = new HashMap<>();
        Map<String, Integer> keyFrequency = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            Set<String> seen = new HashSet<>();
            for (ListEntry.Name name : entries.get(e).names()) {
                PreparedName prepared = PreparedName.of(name.text());
                if (prepared.size() < 2 || !seen.add(String.join(" ", prepared.tokens()))) {
                    continue;
                }
                int id = texts.size();
                nameEntry.add(e);
                texts.add(name.text());
                weak.add(name.weak());
                int[] wordIds = new int[prepared.size()];
                for (int w = 0; w < wordIds.length; w++) {
                    wordIds[w] = intern(dictionary, dictionaryEntries, prepared.tokens()[w]);
                }
                int[] fusedIds = new int[prepared.fused().length];
                for (int f = 0; f < fusedIds.length; f++) {
                    fusedIds[f] = intern(dictionary, dictionaryEntries, prepared.fused()[f]);
                }
                nameWords.add(wordIds);
                nameFused.add(fusedIds);
                for (String key : new HashSet<>(List.of(prepared.keys()))) {
                    keyFrequency.merge(key, 1, Integer::sum);
                }
                for (String key : blockingKeys(prepared)) {
                    filed.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                }
            }
        }
        Map<String, int[]> postings = new HashMap<>(filed.size() * 2);
        filed.forEach((key, ids) -> postings.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        boolean[] weakFlags = new boolean[weak.size()];
        for (int i = 0; i < weakFlags.length; i++) {
            weakFlags[i] = weak.get(i);
        }
        int size = dictionaryEntries.size();
        Dictionary words = new Dictionary(new String[size], new String[size], new String[size], new String[size]);
        for (int i = 0; i < size; i++) {
            String[] word = dictionaryEntries.get(i);
            words.text()[i] = word[0];
            words.key()[i] = word[1];
            words.bare()[i] = word[2];
            words.bareKey()[i] = word[3];
        }
        return new ScreeningIndex(policy, List.copyOf(entries), nameEntry.stream().mapToInt(Integer::intValue).toArray(),
                texts.toArray(String[]::new), weakFlags, nameWords.toArray(int[][]::new), nameFused.toArray(int[][]::new),
                words, postings, keyFrequency);
    }

    private static int intern(Map<String, Integer> dictionary, List<String[]> entries, String word) {
        return dictionary.computeIfAbsent(word, text -> {
            String bare = NameTokens.withoutParticle(text);
            entries.add(new String[] {text, NameTokens.key(text), bare, bare == null ? null : NameTokens.key(bare)});
            return entries.size() - 1;
        });
    }

    private static Set<String> blockingKeys(PreparedName name) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < name.size(); i++) {
            keys.addAll(wordKeys(name.tokens()[i], name.keys()[i]));
            if (name.bare()[i] != null) {
                keys.addAll(wordKeys(name.bare()[i], name.bareKeys()[i]));
            }
        }
        for (String fused : name.fusedKeys()) {
            keys.add("k" + fused);
        }
        return keys;
    }

    private static List<String> wordKeys(String token, String key) {
        return token.length() >= 5 ? List.of("k" + key, "p" + token.substring(0, 4)) : List.of("k" + key);
    }

    /**
     * A word's weight: {@code ln(1 + names / (1 + names with its key))}, about 1.6 for the commonest (Mohammed) and
     * 9 for a word no listed name has.
     */
    private double[] weights(String[] keys) {
        double[] weights = new double[keys.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.log1p((double) Math.max(1, nameWords.length) / (1 + keyFrequency.getOrDefault(keys[i], 0)));
        }
        return weights;
    }

    public MatchPolicy policy() {
        return policy;
    }

    /** The individuals indexed. */
    public int entryCount() {
        return entries.size();
    }

    /** The names (primary and aliases of two words or more) indexed. */
    public int nameCount() {
        return nameWords.length;
    }

    /** The hits for a person, best first; empty when nothing reaches the threshold. */
    public List<Hit> screen(String name, LocalDate born) {
        return scan(name, born, true);
    }

    /**
     * Every listed individual whose name shares at least two words with the person's, scored, best first: the hits
     * and the near misses (for tuning, and to show an officer what else came close).
     */
    public List<Hit> compare(String name, LocalDate born) {
        return scan(name, born, false);
    }

    /**
     * With {@code hitsOnly}, a listed name is not scored when it cannot be a hit: its entry's dates of birth conflict
     * with the person's, or even a perfect match of every person word it shares keys with would stay under the
     * threshold (the bound of {@link NameSimilarity}'s formula with those words at similarity 1 and no listed word
     * left over).
     */
    private List<Hit> scan(String name, LocalDate born, boolean hitsOnly) {
        PreparedName person = PreparedName.of(name);
        if (person.size() < 2) {
            return List.of();
        }
        Scratch work = scratches.poll();
        if (work == null) {
            work = new Scratch(nameWords.length, words.size());
        }
        try {
            for (int i = 0; i < person.size(); i++) {
                for (String key : wordKeys(person.tokens()[i], person.keys()[i])) {
                    mark(work, key, 1 << i);
                }
                if (person.bare()[i] != null) {
                    for (String key : wordKeys(person.bare()[i], person.bareKeys()[i])) {
                        mark(work, key, 1 << i);
                    }
                }
            }
            for (int i = 0; i < person.fused().length; i++) {
                mark(work, "k" + person.fusedKeys()[i], 3 << i);
            }
            double[] personWeights = weights(person.keys());
            int personPrefixes = person.prefixes();
            Map<Integer, Hit> best = new HashMap<>();
            for (int t = 0; t < work.touchedCount; t++) {
                int id = work.touched[t];
                int marked = work.marks[id];
                if (Integer.bitCount(marked & ~personPrefixes) < 2) {
                    continue;
                }
                int entryIndex = nameEntry[id];
                ListEntry entry = entries.get(entryIndex);
                DobMatch dob = DobMatch.of(entry.birthDates(), born);
                if (hitsOnly && (dob == DobMatch.CONFLICT
                        || !policy.isHit(policy.score(bound(personWeights, marked), weak[id], dob), dob))) {
                    continue;
                }
                double nameScore = NameSimilarity.score(person.size(), personPrefixes, personWeights, nameWords[id].length,
                        nameWeights[id], new CachedWords(person, id, work));
                if (nameScore <= 0) {
                    continue;
                }
                double score = policy.score(nameScore, weak[id], dob);
                Hit current = best.get(entryIndex);
                if ((current == null || score > current.score()) && (!hitsOnly || policy.isHit(score, dob))) {
                    best.put(entryIndex, new Hit(entry, nameTexts[id], nameScore, dob, score, policy.isHit(score, dob)));
                }
            }
            List<Hit> hits = new ArrayList<>(best.values());
            hits.sort(Comparator.comparingDouble(Hit::score).reversed());
            return hits;
        } finally {
            for (int t = 0; t < work.touchedCount; t++) {
                work.marks[work.touched[t]] = 0;
            }
            work.touchedCount = 0;
            for (int c = 0; c < work.cachedCount; c++) {
                work.asWord[work.cached[c]] = null;
                work.asFused[work.cached[c]] = null;
            }
            work.cachedCount = 0;
            scratches.offer(work);
        }
    }

    private static double bound(double[] personWeights, int marked) {
        double shared = 0;
        double unexplained = 0;
        for (int i = 0; i < personWeights.length; i++) {
            if ((marked & (1 << i)) != 0) {
                shared += personWeights[i];
            } else {
                unexplained += personWeights[i];
            }
        }
        return shared / (shared + NameSimilarity.UNMATCHED_PERSON * unexplained);
    }

    private void mark(Scratch work, String key, int bits) {
        int[] ids = postings.get(key);
        if (ids == null) {
            return;
        }
        for (int id : ids) {
            if (work.marks[id] == 0) {
                work.touch(id);
            }
            work.marks[id] |= bits;
        }
    }

    /**
     * The similarities of the person's words with one listed name's words, computed once per distinct listed word in
     * a screening: for a listed word, {@code [single against person word 0..n-1, person pair 0..n-2 fused]}; for a
     * listed fused pair, {@code [against person word 0..n-1]}.
     */
    private final class CachedWords implements NameSimilarity.Words {
        private final PreparedName person;
        private final int name;
        private final Scratch work;

        CachedWords(PreparedName person, int name, Scratch work) {
            this.person = person;
            this.name = name;
            this.work = work;
        }

        @Override
        public double single(int i, int j) {
            return word(nameWords[name][j])[i];
        }

        @Override
        public double personFused(int i, int j) {
            return word(nameWords[name][j])[person.size() + i];
        }

        @Override
        public double listedFused(int i, int j) {
            int id = nameFused[name][j];
            double[] cached = work.asFused[id];
            if (cached == null) {
                cached = new double[person.size()];
                for (int p = 0; p < person.size(); p++) {
                    cached[p] = NameSimilarity.fused(words.text()[id], words.key()[id], person.tokens()[p], person.keys()[p]);
                }
                work.asFused[id] = cached;
                work.remember(id);
            }
            return cached[i];
        }

        private double[] word(int id) {
            double[] cached = work.asWord[id];
            if (cached == null) {
                int n = person.size();
                cached = new double[n + n - 1];
                for (int p = 0; p < n; p++) {
                    cached[p] = NameSimilarity.single(person.tokens()[p], person.keys()[p], person.bare()[p],
                            person.bareKeys()[p], words.text()[id], words.key()[id], words.bare()[id], words.bareKey()[id]);
                }
                for (int p = 0; p < n - 1; p++) {
                    cached[n + p] = NameSimilarity.fused(person.fused()[p], person.fusedKeys()[p], words.text()[id],
                            words.key()[id]);
                }
                work.asWord[id] = cached;
                work.remember(id);
            }
            return cached;
        }
    }
}
