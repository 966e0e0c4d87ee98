package com.sportsbook.commons.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdentifierIsAVersion7UuidOfTheRfc9562VariantCarryingItsMillisecond() {
        Instant instant = Instant.parse("2026-11-27T12:34:56.789123456Z");
        UUID id = TimeOrderedIds.at(instant);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.instantOf(id)).isEqualTo(Instant.parse("2026-11-27T12:34:56.789Z"));
        // RFC 9562's layout: the first 12 hex digits are the milliseconds, then the version digit
        assertThat(id.toString().replace("-", "")).startsWith(String.format("%012x7", instant.toEpochMilli()));
    }

    @Test
    void identifiersMadeLaterSortAfterEarlierOnesByteByByteAsPostgresqlComparesThem() {
        Instant start = Instant.parse("2026-11-27T12:00:00Z");
        List<UUID> made = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            // steps of 0.3 ms: several in one millisecond, ordered by the millisecond's fraction
            made.add(TimeOrderedIds.at(start.plusNanos(step * 300_000L)));
        }
        List<UUID> byBytes = new ArrayList<>(made);
        byBytes.sort(Comparator.comparing(UUID::toString)); // the hex text sorts as the 16 bytes do
        assertThat(byBytes).containsExactlyElementsOf(made);
    }

    @Test
    void identifiersOfOneInstantDifferInTheirRandomBits() {
        Instant instant = Instant.parse("2026-11-27T12:00:00Z");
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedIds.at(instant));
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void theInstantOfARandomUuidIsRefused() {
        assertThatThrownBy(() -> TimeOrderedIds.instantOf(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewIdentifierCarriesTheCurrentTime() {
        Instant before = Instant.now().minusMillis(1);
        Instant of = TimeOrderedIds.instantOf(TimeOrderedIds.next());
        assertThat(of).isBetween(before, Instant.now().plusMillis(1));
    }
}
