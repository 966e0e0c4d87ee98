package com.sportsbook.controlplane.signup;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code operator_signup} rows: who signed up, which terms they accepted, and the hash of their link's token. */
@Repository
class SignupStore {

    record Signup(UUID id, String email, String company, String accountId, String termsVersion, Instant termsAcceptedAt,
            Instant tokenExpiresAt, Instant verifiedAt) {
    }

    private final JdbcClient jdbc;

    SignupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, SignupForm form, String accountId, String tokenHash, Instant expires, String acceptedFrom,
            Instant now) {
        jdbc.sql("""
                INSERT INTO control_plane.operator_signup (id, email, first_name, last_name, company, account_id, terms_version,
                    terms_accepted_at, accepted_from, token_hash, token_expires_at, created_at)
                VALUES (:id, :email, :first, :last, :company, :account, :terms, :now, :from, :hash, :expires, :now)
                """)
                .param("id", id).param("email", form.normalisedEmail()).param("first", form.firstName().strip())
                .param("last", form.lastName().strip()).param("company", form.company().strip()).param("account", accountId)
                .param("terms", form.acceptedTermsVersion()).param("now", java.sql.Timestamp.from(now))
                .param("from", acceptedFrom).param("hash", tokenHash).param("expires", java.sql.Timestamp.from(expires))
                .update();
    }

    Optional<Signup> byTokenHash(String tokenHash) {
        return jdbc.sql(SELECT + " WHERE token_hash = :hash").param("hash", tokenHash).query(SignupStore::row).optional();
    }

    Optional<Signup> pendingFor(String email) {
        return jdbc.sql(SELECT + " WHERE email = :email AND verified_at IS NULL ORDER BY created_at DESC LIMIT 1")
                .param("email", email).query(SignupStore::row).optional();
    }

    Optional<Signup> byAccount(String accountId) {
        return jdbc.sql(SELECT + " WHERE account_id = :account").param("account", accountId).query(SignupStore::row).optional();
    }

    void markVerified(UUID id, Instant now) {
        jdbc.sql("UPDATE control_plane.operator_signup SET verified_at = :now WHERE id = :id AND verified_at IS NULL")
                .param("now", java.sql.Timestamp.from(now)).param("id", id).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM control_plane.operator_signup WHERE id = :id AND verified_at IS NULL").param("id", id).update();
    }

    private static final String SELECT = """
            SELECT id, email, company, account_id, terms_version, terms_accepted_at, token_expires_at, verified_at
            FROM control_plane.operator_signup""";

    private static Signup row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp verified = rs.getTimestamp("verified_at");
        return new Signup(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("company"),
                rs.getString("account_id"), rs.getString("terms_version"), rs.getTimestamp("terms_accepted_at").toInstant(),
                rs.getTimestamp("token_expires_at").toInstant(), verified == null ? null : verified.toInstant());
    }
}
