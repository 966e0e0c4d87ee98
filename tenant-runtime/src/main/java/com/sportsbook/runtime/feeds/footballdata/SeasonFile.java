package com.sportsbook.runtime.feeds.footballdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a football-data.co.uk season CSV. The columns changed over the years (2018-19 has no kick-off time and
 * Betbrain averages instead of market averages), so columns are found by name with fallbacks: Bet365 first, then
 * the market average; closing prices from Bet365, else Pinnacle. A line that cannot be read is reported with its
 * number and skipped; a price below 1.01 is treated as missing. Plain Java.
 */
public final class SeasonFile {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/[yyyy][yy]");
    private static final BigDecimal MINIMUM_PRICE = new BigDecimal("1.01");

    public record Problem(int row, String reason) {
    }

    public record Read(List<SeasonMatch> matches, List<Problem> problems) {
    }

    private SeasonFile() {
    }

    public static Read read(String season, String csv) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty()) {
            return new Read(List.of(), List.of(new Problem(1, "the file is empty")));
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines.getFirst().replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].strip(), i);
        }
        List<SeasonMatch> matches = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                matches.add(match(season, i + 1, new Row(columns, line.split(",", -1)), problems));
            } catch (RuntimeException unreadable) {
                problems.add(new Problem(i + 1, unreadable.getMessage()));
            }
        }
        return new Read(List.copyOf(matches), List.copyOf(problems));
    }

    private static SeasonMatch match(String season, int number, Row row, List<Problem> problems) {
        LocalDate date;
        try {
            date = LocalDate.parse(row.required("Date"), DATE);
        } catch (DateTimeParseException bad) {
            throw new IllegalArgumentException("the date '" + row.value("Date") + "' is not dd/mm/yyyy");
        }
        String time = row.value("Time");
        LocalTime kickOff = time == null ? LocalTime.of(15, 0) : LocalTime.parse(time);
        String home = row.required("HomeTeam");
        String away = row.required("AwayTeam");
        int homeGoals = goals(row, "FTHG");
        int awayGoals = goals(row, "FTAG");
        Integer halfHome = row.value("HTHG") == null ? null : goals(row, "HTHG");
        Integer halfAway = row.value("HTAG") == null ? null : goals(row, "HTAG");
        Prices prices = new Prices(row, number, problems);
        return new SeasonMatch(season, number, date.atTime(kickOff).atZone(UK).toInstant(), home, away, homeGoals,
                awayGoals, halfHome, halfAway,
                prices.threeWay(List.of("B365", "Avg", "BbAv")),
                prices.threeWay(List.of("B365C", "PSC", "AvgC")),
                prices.total(List.of("B365", "Avg", "BbAv")),
                prices.total(List.of("B365C", "AvgC")),
                prices.handicap(List.of("AHh", "BbAHh"), List.of("B365AH", "AvgAH", "BbAvAH")),
                prices.handicap(List.of("AHCh"), List.of("B365CAH", "AvgCAH")));
    }

    private static int goals(Row row, String column) {
        String value = row.required(column);
        try {
            int goals = Integer.parseInt(value);
            if (goals < 0) {
                throw new IllegalArgumentException(column + " is negative");
            }
            return goals;
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a number of goals");
        }
    }

    private record Row(Map<String, Integer> columns, String[] fields) {
        String value(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= fields.length) {
                return null;
            }
            String value = fields[index].strip();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = value(column);
            if (value == null) {
                throw new IllegalArgumentException(column + " is missing");
            }
            return value;
        }
    }

    /** Prices of one row; an unreadable or impossible price is reported and treated as missing. */
    private record Prices(Row row, int number, List<Problem> problems) {

        SeasonMatch.ThreeWay threeWay(List<String> prefixes) {
            for (String prefix : prefixes) {
                BigDecimal home = price(prefix + "H");
                BigDecimal draw = price(prefix + "D");
                BigDecimal away = price(prefix + "A");
                if (home != null && draw != null && away != null) {
                    return new SeasonMatch.ThreeWay(home, draw, away);
                }
            }
            return null;
        }

        SeasonMatch.TwoWay total(List<String> prefixes) {
            for (String prefix : prefixes) {
                BigDecimal over = price(prefix + ">2.5");
                BigDecimal under = price(prefix + "<2.5");
                if (over != null && under != null) {
                    return new SeasonMatch.TwoWay(over, under);
                }
            }
            return null;
        }

        SeasonMatch.Handicap handicap(List<String> lineColumns, List<String> prefixes) {
            BigDecimal line = lineColumns.stream().map(row::value).filter(java.util.Objects::nonNull).findFirst()
                    .map(BigDecimal::new).orElse(null);
            if (line == null) {
                return null;
            }
            for (String prefix : prefixes) {
                BigDecimal home = price(prefix + "H");
                BigDecimal away = price(prefix + "A");
                if (home != null && away != null) {
                    return new SeasonMatch.Handicap(line, home, away);
                }
            }
            return null;
        }

        private BigDecimal price(String column) {
            String value = row.value(column);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal price = new BigDecimal(value);
                if (price.compareTo(MINIMUM_PRICE) < 0) {
                    problems.add(new Problem(number, column + " " + value + " is below 1.01; ignored"));
                    return null;
                }
                return price;
            } catch (NumberFormatException bad) {
                problems.add(new Problem(number, column + " '" + value + "' is not a price; ignored"));
                return null;
            }
        }
    }

    /** Reads every season bundled with the runtime, oldest first. */
    public static List<Read> bundledSeasons() {
        List<Read> seasons = new ArrayList<>();
        for (String season : Arrays.asList("2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25")) {
            try (var in = SeasonFile.class.getResourceAsStream("/feeds/football-data/E0-" + season + ".csv")) {
                if (in == null) {
                    throw new IllegalStateException("season " + season + " is not bundled");
                }
                seasons.add(read(season, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return seasons;
    }
}
