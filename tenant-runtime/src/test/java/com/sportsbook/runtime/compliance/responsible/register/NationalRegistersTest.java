package com.sportsbook.runtime.compliance.responsible.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalRegistersTest {

    private static final NationalRegisters REGISTERS = new NationalRegisters(List.of(
            new SandboxNationalRegister("GAMSTOP", Set.of("Listed@Example.com")),
            new SandboxNationalRegister("ROFUS", Set.of())));

    private static NationalRegister.Person person(String lastName, String email) {
        return new NationalRegister.Person("Jo", lastName, LocalDate.of(1980, 1, 1), email, "GB");
    }

    @Test
    void theSandboxListsMarkedLastNamesAndConfiguredEmails() {
        assertThat(REGISTERS.listing(List.of("GAMSTOP"), person("Excluded-Smith", "jo@example.com"))).contains("GAMSTOP");
        assertThat(REGISTERS.listing(List.of("ROFUS"), person("  excludedson", "jo@example.com"))).contains("ROFUS");
        assertThat(REGISTERS.listing(List.of("GAMSTOP"), person("Smith", "listed@example.com"))).contains("GAMSTOP");
        assertThat(REGISTERS.listing(List.of("ROFUS"), person("Smith", "listed@example.com")))
                .as("an email listed on another register").isEmpty();
        assertThat(REGISTERS.listing(List.of("GAMSTOP", "ROFUS"), person("Smith", "jo@example.com"))).isEmpty();
    }

    @Test
    void noRegisterNamedMeansNoOneIsListed() {
        assertThat(REGISTERS.listing(List.of(), person("Excluded", "jo@example.com"))).isEmpty();
    }

    @Test
    void aRegisterWithoutAnAdapterFailsClosed() {
        assertThatThrownBy(() -> REGISTERS.listing(List.of("OASIS"), person("Smith", "jo@example.com")))
                .isInstanceOf(NationalRegister.RegisterUnavailable.class).hasMessageContaining("OASIS");
    }
}
