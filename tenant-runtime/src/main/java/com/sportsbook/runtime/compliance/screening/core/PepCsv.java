package com.sportsbook.runtime.compliance.screening.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the platform's PEP list format: UTF-8 text (a byte-order mark is skipped), one person per record, fields
 * separated by semicolons (names and positions hold commas), quoted as RFC 4180 quotes (a field holding a semicolon,
 * a quote or a line break is enclosed in double quotes, a quote inside doubled), LF or CRLF line ends. Lines starting
 * with {@code #} are comments (so no id starts with one); blank lines are skipped. The first other line is the header, exactly:
 *
 * <pre>id;name;aliases;dateOfBirth;country;position;since;until</pre>
 *
 * <ul>
 *   <li>{@code id}: the provider's identifier of the person, unique in the file, at most 64 characters (required;
 *       a case is kept per player and id, so an officer's decision holds across versions);</li>
 *   <li>{@code name}: the name as the provider writes it, in any word order ({@code Given Family} or
 *       {@code FAMILY, Given}; required);</li>
 *   <li>{@code aliases}: other names and spellings, separated by {@code |};</li>
 *   <li>{@code dateOfBirth}: the dates of birth stated, separated by {@code |}, each {@code YYYY-MM-DD},
 *       {@code YYYY-MM}, {@code YYYY} or a span of years {@code YYYY/YYYY}; empty when unknown;</li>
 *   <li>{@code country}: the country of the public function, ISO 3166-1 alpha-2 (empty for an international
 *       organisation);</li>
 *   <li>{@code position}: the prominent public function, or the relation for a relative or close associate
 *       ({@code Spouse of ...}; required);</li>
 *   <li>{@code since}, {@code until}: when the function began and ended ({@code YYYY-MM-DD}, {@code YYYY-MM} or
 *       {@code YYYY}); an empty {@code until} means still in office.</li>
 * </ul>
 *
 * Every entry is an individual. Anything malformed refuses the whole file with the record number, as a half-read list
 * would screen silently against less.
 */
public final class PepCsv {

    public static final List<String> HEADER = List.of("id", "name", "aliases", "dateOfBirth", "country", "position",
            "since", "until");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})/(\\d{4})");

    private PepCsv() {
    }

    public static SanctionsList parse(Reader csv) {
        List<ListEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean header = false;
        int record = 0;
        for (List<String> row : records(csv)) {
            if ((row.size() == 1 && row.getFirst().isBlank()) || row.getFirst().stripLeading().startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!row.stream().map(String::strip).toList().equals(HEADER)) {
                    throw new UnreadableListException("not a PEP list: the first line must be the header "
                            + String.join(";", HEADER));
                }
                header = true;
                continue;
            }
            record++;
            if (row.size() != HEADER.size()) {
                throw new UnreadableListException("not a PEP list: record " + record + " has " + row.size()
                        + " fields, the format has " + HEADER.size());
            }
            ListEntry entry = entry(row, record);
            if (!ids.add(entry.ref())) {
                throw new UnreadableListException("not a PEP list: record " + record + " repeats the id " + entry.ref());
            }
            entries.add(entry);
        }
        if (!header) {
            throw new UnreadableListException("not a PEP list: no header line " + String.join(";", HEADER));
        }
        return new SanctionsList(ListSource.PEP, entries);
    }

    private static ListEntry entry(List<String> row, int record) {
        String id = row.get(0).strip();
        String name = row.get(1).strip();
        String country = row.get(4).strip().toUpperCase(Locale.ROOT);
        String position = row.get(5).strip();
        if (id.isEmpty() || id.length() > 64) {
            throw unreadable(record, "an id of 1 to 64 characters");
        }
        if (name.isEmpty()) {
            throw unreadable(record, "a name");
        }
        if (position.isEmpty()) {
            throw unreadable(record, "a position");
        }
        if (!country.isEmpty() && !COUNTRY.matcher(country).matches()) {
            throw unreadable(record, "a country as two letters (ISO 3166-1 alpha-2), not '" + row.get(4).strip() + "'");
        }
        List<ListEntry.Name> names = new ArrayList<>();
        names.add(new ListEntry.Name(name, false));
        for (String alias : row.get(2).split("\\|")) {
            String text = alias.strip();
            if (!text.isEmpty() && names.stream().noneMatch(known -> known.text().equalsIgnoreCase(text))) {
                names.add(new ListEntry.Name(text, false));
            }
        }
        List<BirthDate> born = new ArrayList<>();
        for (String stated : row.get(3).split("\\|")) {
            if (!stated.isBlank()) {
                born.add(birthDate(stated.strip(), record));
            }
        }
        String since = date(row.get(6).strip(), "since", record);
        String until = date(row.get(7).strip(), "until", record);
        String office = position + (country.isEmpty() ? "" : " (" + country + ")")
                + (since.isEmpty() ? "" : ", since " + since) + (until.isEmpty() ? ", in office" : ", until " + until);
        return new ListEntry(ListSource.PEP, id, EntryKind.INDIVIDUAL, names, born, "PEP: " + office);
    }

    private static BirthDate birthDate(String stated, int record) {
        try {
            if (DAY.matcher(stated).matches()) {
                return BirthDate.on(LocalDate.parse(stated));
            }
            if (MONTH.matcher(stated).matches()) {
                return BirthDate.in(YearMonth.parse(stated));
            }
            if (YEAR.matcher(stated).matches()) {
                return BirthDate.inYear(Integer.parseInt(stated));
            }
            var years = YEARS.matcher(stated);
            if (years.matches()) {
                return BirthDate.between(Integer.parseInt(years.group(1)), Integer.parseInt(years.group(2)));
            }
        } catch (DateTimeException unreadable) {
            // reported below
        }
        throw unreadable(record, "dates of birth as YYYY-MM-DD, YYYY-MM, YYYY or YYYY/YYYY, not '" + stated + "'");
    }

    private static String date(String stated, String field, int record) {
        if (stated.isEmpty()) {
            return stated;
        }
        try {
            if (DAY.matcher(stated).matches()) {
                return LocalDate.parse(stated).toString();
            }
            if (MONTH.matcher(stated).matches()) {
                return YearMonth.parse(stated).toString();
            }
            if (YEAR.matcher(stated).matches()) {
                return Year.parse(stated).toString();
            }
        } catch (DateTimeException unreadable) {
            // reported below
        }
        throw unreadable(record, field + " as YYYY-MM-DD, YYYY-MM or YYYY, not '" + stated + "'");
    }

    private static UnreadableListException unreadable(int record, String wanted) {
        return new UnreadableListException("not a PEP list: record " + record + " needs " + wanted);
    }

    /** Records of semicolon-separated fields, RFC 4180 quoting; a record is one line unless a quoted field spans more. */
    private static List<List<String>> records(Reader csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        try {
            int c;
            int pending = -1;
            while ((c = pending >= 0 ? pending : csv.read()) != -1) {
                pending = -1;
                if (first) {
                    first = false;
                    if (c == '\uFEFF') {
                        continue;
                    }
                }
                if (quoted) {
                    if (c == '"') {
                        int next = csv.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pending = next;
                        }
                    } else {
                        field.append((char) c);
                    }
                    continue;
                }
                switch (c) {
                    case '"' -> quoted = true;
                    case ';' -> {
                        row.add(field.toString());
                        field.setLength(0);
                    }
                    case '\r' -> {
                        // part of CRLF
                    }
                    case '\n' -> {
                        row.add(field.toString());
                        rows.add(row);
                        row = new ArrayList<>();
                        field.setLength(0);
                    }
                    default -> field.append((char) c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (quoted) {
            throw new UnreadableListException("not a PEP list: a quoted field is never closed");
        }
        if (!row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
