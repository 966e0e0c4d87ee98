package com.sportsbook.runtime.compliance.screening.core;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A date of birth as a list states it: a day, a month, a year, or a span of years (a range, or "circa"/"approximately"
 * a year, read as that year plus or minus one). Kept as the earliest and latest day it allows plus its precision.
 */
public record BirthDate(LocalDate earliest, LocalDate latest, Precision precision) {

    public enum Precision {
        DAY, MONTH, YEAR, YEARS
    }

    public BirthDate {
        Objects.requireNonNull(earliest);
        Objects.requireNonNull(latest);
        Objects.requireNonNull(precision);
        if (latest.isBefore(earliest)) {
            LocalDate swap = earliest;
            earliest = latest;
            latest = swap;
        }
    }

    public static BirthDate on(LocalDate day) {
        return new BirthDate(day, day, Precision.DAY);
    }

    public static BirthDate in(YearMonth month) {
        return new BirthDate(month.atDay(1), month.atEndOfMonth(), Precision.MONTH);
    }

    public static BirthDate inYear(int year) {
        return new BirthDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Precision.YEAR);
    }

    public static BirthDate between(int fromYear, int toYear) {
        return new BirthDate(LocalDate.of(Math.min(fromYear, toYear), 1, 1), LocalDate.of(Math.max(fromYear, toYear), 12, 31),
                Precision.YEARS);
    }

    /** "circa 1951", UN "APPROXIMATELY": a year either side. */
    public static BirthDate about(int year) {
        return between(year - 1, year + 1);
    }

    /** A span from the start of one stated date to the end of another ("01 Jan 1958 to 31 Dec 1960"). */
    public static BirthDate span(BirthDate from, BirthDate to) {
        LocalDate earliest = from.earliest.isBefore(to.earliest) ? from.earliest : to.earliest;
        LocalDate latest = from.latest.isAfter(to.latest) ? from.latest : to.latest;
        if (from.precision == Precision.DAY && to.precision == Precision.DAY && earliest.equals(latest)) {
            return on(earliest);
        }
        return new BirthDate(earliest, latest, Precision.YEARS);
    }

    /**
     * How a person's date of birth agrees with this stated one: the same day, a date inside the stated month, year or
     * span ({@link DobMatch#SAME_YEAR}), or a conflict. A day-precise date whose day and month are swapped (03/05 for
     * 05/03, a frequent clerical variant across date conventions) counts as {@link DobMatch#SAME_YEAR}, not a conflict.
     */
    public DobMatch compare(LocalDate born) {
        if (precision == Precision.DAY) {
            if (born.equals(earliest)) {
                return DobMatch.SAME_DATE;
            }
            return swappedDayAndMonth(born) ? DobMatch.SAME_YEAR : DobMatch.CONFLICT;
        }
        return born.isBefore(earliest) || born.isAfter(latest) ? DobMatch.CONFLICT : DobMatch.SAME_YEAR;
    }

    private boolean swappedDayAndMonth(LocalDate born) {
        return born.getYear() == earliest.getYear() && born.getDayOfMonth() <= 12
                && born.getDayOfMonth() == earliest.getMonthValue() && born.getMonthValue() == earliest.getDayOfMonth();
    }

    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> earliest.toString();
            case MONTH -> YearMonth.from(earliest).toString();
            case YEAR -> Integer.toString(earliest.getYear());
            case YEARS -> earliest.getYear() + "-" + latest.getYear();
        };
    }
}
