package com.sportsbook.runtime.compliance.responsible.register;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A national register for the embedded mode and tests, deterministic like the sandbox PSP and KYC provider: a person
 * is listed when their last name starts with {@code Excluded} (any case, e.g. "Excluded-Smith"), or their email is
 * among the configured ones.
 */
public final class SandboxNationalRegister implements NationalRegister {

    static final String MARKER = "excluded";

    private final String name;
    private final Set<String> listedEmails;

    public SandboxNationalRegister(String name, Set<String> listedEmails) {
        this.name = name;
        this.listedEmails = listedEmails.stream().map(email -> email.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isExcluded(Person person) {
        return person.lastName().strip().toLowerCase(Locale.ROOT).startsWith(MARKER)
                || (person.email() != null && listedEmails.contains(person.email().toLowerCase(Locale.ROOT)));
    }
}
