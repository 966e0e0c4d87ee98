package com.sportsbook.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void fieldsAddedOneByOneKeepTheirOrderAndAFieldAddedAgainKeepsItsPlaceWithItsLastValue() {
        AuditEntry entry = AuditEntry.of("bet.accepted", "b-1").with("player", "p-1").with("stake", 100L)
                .with("note", null).with("player", "p-2").with(Map.of("currency", "EUR"));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("player", "p-2");
        expected.put("stake", 100L);
        expected.put("note", null);
        expected.put("currency", "EUR");
        assertThat(entry.payload()).isEqualTo(expected);
        assertThat(List.copyOf(entry.payload().keySet())).containsExactly("player", "stake", "note", "currency");
        assertThat(entry.payload()).containsEntry("note", null).hasSize(4);
        assertThat(CanonicalJson.write(entry.payload())).isEqualTo(CanonicalJson.write(expected));
    }

    @Test
    void anEntryIsNotChangedByTheEntriesMadeFromItNorCanItsPayloadBeChanged() {
        AuditEntry base = AuditEntry.of("wallet.transaction", "t-1").with("amount", 5L);
        AuditEntry more = base.with("amount", 7L).with("kind", "stake");
        AuditEntry other = base.with("reason", "test").reference("bet-1").by("system").at(Instant.EPOCH);

        assertThat(base.payload()).isEqualTo(Map.of("amount", 5L));
        assertThat(more.payload()).isEqualTo(Map.of("amount", 7L, "kind", "stake"));
        assertThat(other.payload()).isEqualTo(Map.of("amount", 5L, "reason", "test"));
        assertThat(other.reference()).isEqualTo("bet-1");
        assertThatThrownBy(() -> more.payload().put("amount", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> more.payload().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(more).isEqualTo(base.with("amount", 7L).with("kind", "stake"));
    }

    @Test
    void aPayloadGivenAsAMapIsCopiedSoTheCallersLaterChangesDoNotReachTheEntry() {
        Map<String, Object> given = new LinkedHashMap<>(Map.of("a", 1));
        AuditEntry entry = new AuditEntry("x.y", null, null, null, null, given).with("b", 2);
        given.put("c", 3);

        assertThat(entry.payload()).isEqualTo(Map.of("a", 1, "b", 2));
    }
}
