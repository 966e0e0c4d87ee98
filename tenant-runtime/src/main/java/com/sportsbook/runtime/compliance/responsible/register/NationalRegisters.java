package com.sportsbook.runtime.compliance.responsible.register;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every register adapter by name; asks those a brand's rules name and answers the first that lists the person. */
public final class NationalRegisters {

    private final Map<String, NationalRegister> byName;

    public NationalRegisters(List<NationalRegister> registers) {
        this.byName = registers.stream().collect(Collectors.toUnmodifiableMap(NationalRegister::name, Function.identity(),
                (first, second) -> first));
    }

    /**
     * The first of the named registers that lists the person; a register without an adapter is unavailable (fails
     * closed: a register a jurisdiction requires cannot be skipped).
     */
    public Optional<String> listing(List<String> registers, NationalRegister.Person person) {
        for (String name : registers) {
            NationalRegister register = byName.get(name);
            if (register == null) {
                throw new NationalRegister.RegisterUnavailable("no adapter for the national register " + name);
            }
            if (register.isExcluded(person)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
