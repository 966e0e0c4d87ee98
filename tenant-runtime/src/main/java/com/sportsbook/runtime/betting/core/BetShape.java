package com.sportsbook.runtime.betting.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a bet's selections combine into lines, each line staked with the unit stake (total stake = unit stake x
 * lines). A single is one selection; a multiple (accumulator) one line of all n; the named full-cover systems take
 * every combination of the sizes they cover; "k/n" takes every combination of exactly k of n selections.
 *
 * @param name   the wire name ("single", "multiple", "trixie", ..., "2/4")
 * @param minimumLegs and {@code maximumLegs} how many selections the shape takes
 * @param sizes  the combination sizes it covers, from 1 to n (a multiple of n covers only n)
 */
public record BetShape(String name, int minimumLegs, int maximumLegs, List<Integer> sizes) {

    public static final int MAXIMUM_LEGS = 20;

    private static final Pattern K_FROM_N = Pattern.compile("(\\d{1,2})/(\\d{1,2})");

    public static final BetShape SINGLE = new BetShape("single", 1, 1, List.of(1));
    /** Sizes are those of the number of legs: resolved by {@link #lines(int)}. */
    public static final BetShape MULTIPLE = new BetShape("multiple", 2, MAXIMUM_LEGS, List.of());
    public static final BetShape TRIXIE = named("trixie", 3, 2, 3);
    public static final BetShape PATENT = named("patent", 3, 1, 3);
    public static final BetShape YANKEE = named("yankee", 4, 2, 4);
    public static final BetShape LUCKY_15 = named("lucky15", 4, 1, 4);
    public static final BetShape SUPER_YANKEE = named("super_yankee", 5, 2, 5);
    public static final BetShape LUCKY_31 = named("lucky31", 5, 1, 5);
    public static final BetShape HEINZ = named("heinz", 6, 2, 6);
    public static final BetShape LUCKY_63 = named("lucky63", 6, 1, 6);
    public static final BetShape SUPER_HEINZ = named("super_heinz", 7, 2, 7);
    public static final BetShape GOLIATH = named("goliath", 8, 2, 8);

    public static final List<BetShape> NAMED_SYSTEMS = List.of(TRIXIE, PATENT, YANKEE, LUCKY_15, SUPER_YANKEE, LUCKY_31,
            HEINZ, LUCKY_63, SUPER_HEINZ, GOLIATH);

    public BetShape {
        sizes = List.copyOf(sizes);
    }

    private static BetShape named(String name, int legs, int smallest, int largest) {
        List<Integer> sizes = new ArrayList<>();
        for (int size = smallest; size <= largest; size++) {
            sizes.add(size);
        }
        return new BetShape(name, legs, legs, sizes);
    }

    /** "k/n": every combination of k of the n selections (1 <= k <= n <= 20; "1/n" is n singles). */
    public static BetShape kFromN(int k, int n) {
        if (n < 2 || n > MAXIMUM_LEGS || k < 1 || k > n) {
            throw new IllegalArgumentException("a k/n system has 1 <= k <= n and 2 <= n <= " + MAXIMUM_LEGS);
        }
        return new BetShape(k + "/" + n, n, n, List.of(k));
    }

    public static Optional<BetShape> fromWire(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String name = wire.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("-", "_");
        switch (name) {
            case "single":
                return Optional.of(SINGLE);
            case "multiple", "accumulator", "double", "treble":
                return Optional.of(MULTIPLE);
            case "canadian":
                return Optional.of(SUPER_YANKEE);
            default:
                break;
        }
        for (BetShape system : NAMED_SYSTEMS) {
            if (system.name.equals(name) || system.name.replace("_", "").equals(name.replace("_", ""))) {
                return Optional.of(system);
            }
        }
        Matcher matcher = K_FROM_N.matcher(name);
        if (matcher.matches()) {
            int k = Integer.parseInt(matcher.group(1));
            int n = Integer.parseInt(matcher.group(2));
            if (n >= 2 && n <= MAXIMUM_LEGS && k >= 1 && k <= n) {
                return Optional.of(kFromN(k, n));
            }
        }
        return Optional.empty();
    }

    public boolean accepts(int legs) {
        return legs >= minimumLegs && legs <= maximumLegs;
    }

    /** Every line of this shape over {@code legs} selections, each the ascending positions of its selections. */
    public List<List<Integer>> lines(int legs) {
        if (!accepts(legs)) {
            throw new IllegalArgumentException("a " + name + " takes " + minimumLegs
                    + (maximumLegs == minimumLegs ? "" : " to " + maximumLegs) + " selections, not " + legs);
        }
        List<Integer> covered = sizes.isEmpty() ? List.of(legs) : sizes;
        List<List<Integer>> lines = new ArrayList<>();
        for (int size : covered) {
            combinations(legs, size, 0, new ArrayList<>(), lines);
        }
        return lines;
    }

    private static void combinations(int n, int size, int from, List<Integer> chosen, List<List<Integer>> out) {
        if (chosen.size() == size) {
            out.add(List.copyOf(chosen));
            return;
        }
        for (int i = from; i <= n - (size - chosen.size()); i++) {
            chosen.add(i);
            combinations(n, size, i + 1, chosen, out);
            chosen.removeLast();
        }
    }
}
