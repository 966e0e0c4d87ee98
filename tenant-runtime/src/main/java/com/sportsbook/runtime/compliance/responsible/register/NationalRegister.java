package com.sportsbook.runtime.compliance.responsible.register;

import java.time.LocalDate;

/**
 * One national self-exclusion register (GAMSTOP, ROFUS, Spelpaus, OASIS, RGIAJ, the New Jersey list...), as the
 * jurisdiction packs name it: is this person on it now? Checked at registration and at sign-in on brands whose
 * effective rules name the register. A real adapter calls the register's API; {@link SandboxNationalRegister}
 * answers deterministically for the embedded mode and the tests. A register that cannot be asked throws
 * {@link RegisterUnavailable}: nothing is opened meanwhile.
 */
public interface NationalRegister {

    /** The register's name as the packs write it ({@code GAMSTOP}, {@code ROFUS}, {@code NJ_DGE_SELF_EXCLUSION}...). */
    String name();

    boolean isExcluded(Person person);

    /** What a register matches a person by. */
    record Person(String firstName, String lastName, LocalDate dateOfBirth, String email, String country) {
    }

    /** The register could not be asked; whatever needed its answer is refused. */
    class RegisterUnavailable extends RuntimeException {
        public RegisterUnavailable(String message) {
            super(message);
        }
    }
}
