package com.sportsbook.controlplane.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An operator's signup as typed into the portal, and the checks it must pass before anything is created. Free of
 * Spring; the password is only checked for presence here (Keycloak applies the realm's policy).
 */
record SignupForm(String email, String firstName, String lastName, String company, String password,
        String acceptedTermsVersion) {

    record FieldProblem(String field, String message) {
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "must be an e-mail address"));
        }
        name("firstName", firstName, 100, problems);
        name("lastName", lastName, 100, problems);
        name("company", company, 200, problems);
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem("password", "must be given"));
        } else if (password.length() > 128) {
            problems.add(new FieldProblem("password", "must be at most 128 characters"));
        }
        if (acceptedTermsVersion == null || acceptedTermsVersion.isBlank()) {
            problems.add(new FieldProblem("acceptedTermsVersion", "the terms must be accepted"));
        }
        return problems;
    }

    String normalisedEmail() {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static void name(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must be given"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        } else if (CONTROL.matcher(value).find()) {
            problems.add(new FieldProblem(field, "must not contain control characters"));
        }
    }
}
