package com.sportsbook.runtime.compliance.screening.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OFAC's SDN list in its legacy CSV layout ({@code sdn.csv}): twelve columns, {@code ent_num, SDN_Name,
 * SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks}, {@code -0-} for an
 * empty value, CRLF lines and a DOS end-of-file mark. Individuals are written {@code "LAST, First Middle"}
 * (sometimes {@code ", Jr."}); type {@code -0-} is an entity. Dates of birth and weak aliases live in the remarks:
 * {@code DOB 10 Dec 1948}, {@code DOB Dec 1960}, {@code DOB 1946}, {@code DOB circa 1951}, {@code DOB 1958 to 1960},
 * each possibly {@code alt. DOB ...}; aliases as {@code a.k.a. '...'} (also f.k.a., n.k.a.), quotes inside a name
 * included ({@code a.k.a. 'ABU-'UMAR'}).
 */
public final class OfacSdnCsv {

    private static final String EMPTY = "-0-";
    private static final Pattern ALIAS = Pattern.compile("\\b[afn]\\.k\\.a\\. '(.+?)'(?=\\s*(?:[;,.)]|$))");
    private static final Pattern DOB = Pattern.compile("^(?:alt\\. )?DOB (.+?)\\.?$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);

    private OfacSdnCsv() {
    }

    public static SanctionsList parse(Reader csv) {
        List<ListEntry> entries = new ArrayList<>();
        int line = 0;
        for (List<String> row : rows(csv)) {
            line++;
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (row.size() != 12) {
                throw new UnreadableListException("not an OFAC SDN CSV: row " + line + " has " + row.size()
                        + " columns, the legacy layout has 12");
            }
            entries.add(entry(row, line));
        }
        if (entries.isEmpty()) {
            throw new UnreadableListException("not an OFAC SDN CSV: no rows");
        }
        return new SanctionsList(ListSource.OFAC, entries);
    }

    private static ListEntry entry(List<String> row, int line) {
        String uid = value(row.get(0));
        String name = value(row.get(1));
        if (uid.isEmpty() || name.isEmpty() || !uid.chars().allMatch(Character::isDigit)) {
            throw new UnreadableListException("not an OFAC SDN CSV: row " + line + " has no entry number or name");
        }
        EntryKind kind = switch (value(row.get(2)).toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryKind.INDIVIDUAL;
            case "vessel" -> EntryKind.VESSEL;
            case "aircraft" -> EntryKind.AIRCRAFT;
            default -> EntryKind.ENTITY;
        };
        String remarks = value(row.get(11));
        List<ListEntry.Name> names = new ArrayList<>();
        names.add(new ListEntry.Name(name, false));
        Matcher alias = ALIAS.matcher(remarks);
        while (alias.find()) {
            String text = alias.group(1).strip();
            if (!text.isEmpty() && names.stream().noneMatch(known -> known.text().equalsIgnoreCase(text))) {
                names.add(new ListEntry.Name(text, true));
            }
        }
        List<BirthDate> born = new ArrayList<>();
        if (kind == EntryKind.INDIVIDUAL) {
            for (String part : remarks.split(";")) {
                Matcher dob = DOB.matcher(part.strip());
                if (dob.matches()) {
                    birthDate(dob.group(1).strip()).ifPresent(born::add);
                }
            }
        }
        return new ListEntry(ListSource.OFAC, uid, kind, names, born, value(row.get(3)));
    }

    /** {@code 10 Dec 1948}, {@code Dec 1960}, {@code 1946}, {@code circa 1951}, {@code circa 1960-1962}, {@code X to Y}. */
    static Optional<BirthDate> birthDate(String text) {
        String stated = text.strip();
        int to = stated.indexOf(" to ");
        if (to > 0) {
            Optional<BirthDate> from = birthDate(stated.substring(0, to));
            Optional<BirthDate> until = birthDate(stated.substring(to + 4));
            return from.isPresent() && until.isPresent() ? Optional.of(BirthDate.span(from.get(), until.get())) : Optional.empty();
        }
        boolean circa = stated.startsWith("circa ");
        if (circa) {
            stated = stated.substring("circa ".length()).strip();
        }
        try {
            if (stated.matches("\\d{4}-\\d{4}")) {
                return Optional.of(BirthDate.between(Integer.parseInt(stated.substring(0, 4)), Integer.parseInt(stated.substring(5))));
            }
            if (stated.matches("\\d{4}")) {
                int year = Integer.parseInt(stated);
                return Optional.of(circa ? BirthDate.about(year) : BirthDate.inYear(year));
            }
            if (stated.matches("[A-Z][a-z]{2} \\d{4}")) {
                YearMonth month = YearMonth.parse(stated, MONTH);
                return Optional.of(circa ? BirthDate.about(month.getYear()) : BirthDate.in(month));
            }
            if (stated.matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}")) {
                LocalDate day = LocalDate.parse(stated.length() == 10 ? "0" + stated : stated, DAY);
                return Optional.of(circa ? BirthDate.about(day.getYear()) : BirthDate.on(day));
            }
        } catch (DateTimeException | NumberFormatException unreadable) {
            // a garbled date states nothing we can compare
        }
        return Optional.empty();
    }

    private static String value(String raw) {
        String trimmed = raw.strip();
        return trimmed.equals(EMPTY) ? "" : trimmed;
    }

    /** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks; a Ctrl-Z ends the file. */
    private static List<List<String>> rows(Reader source) {
        Reader csv = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source, 1 << 16);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        try {
            int c;
            while ((c = csv.read()) != -1) {
                if (quoted) {
                    if (c == '"') {
                        csv.mark(1);
                        int next = csv.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                csv.reset();
                            }
                        }
                    } else {
                        field.append((char) c);
                    }
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        quoted = true;
                        any = true;
                    }
                    case ',' -> {
                        row.add(field.toString());
                        field.setLength(0);
                        any = true;
                    }
                    case '\r' -> {
                        // part of CRLF
                    }
                    case '\n' -> {
                        row.add(field.toString());
                        rows.add(row);
                        row = new ArrayList<>();
                        field.setLength(0);
                        any = false;
                    }
                    case 0x1A -> {
                        // DOS end of file
                    }
                    default -> {
                        field.append((char) c);
                        any = true;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (quoted) {
            throw new UnreadableListException("not an OFAC SDN CSV: a quoted field is never closed");
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
