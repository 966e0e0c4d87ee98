package com.sportsbook.commons.testing;

/** Connection settings of one test database; {@code kind} says where it runs, for test logs. */
public record TestDatabase(String jdbcUrl, String user, String password, String kind) {
}
