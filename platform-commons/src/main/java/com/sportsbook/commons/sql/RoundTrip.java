package com.sportsbook.commons.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * Statements sent to PostgreSQL together and answered together: one round trip for all of them, where one each would
 * wait on the network and wake both sides once per statement. pgjdbc sends the parts of a prepared statement whose
 * text holds several statements with a single Sync; the server runs them in order, each with a snapshot of its own
 * (READ COMMITTED), so a later part sees what the earlier ones did and whatever committed before it started, as if
 * they had been sent one by one. The first part that fails stops the rest and is thrown, translated like
 * {@code JdbcClient}'s errors. Runs on the caller's transaction-bound connection (or alone when there is none).
 * Parameters are positional ({@code ?}), bound like {@code JdbcClient}'s.
 * <p>
 * One limit of the driver: once it has had the server describe a prepared part (it does for a part with a parameter
 * it sends without a type, a null say; a {@code java.sql.Timestamp} is sent here as a {@code timestamptz} so it
 * does not), a part whose rows have no size bound (any text, numeric or other variable-length column) is answered
 * before anything after it is sent (pgjdbc guards its buffers against a deadlock so): a round trip of its own, and
 * one more for the end of the trip when it is the last part. Parts writing rows without answering any, answering
 * fixed-size columns only (bigint, uuid, boolean, timestamps), or with typed parameters only all go together.
 */
public final class RoundTrip {

    /** Reads a query part's rows. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** A part's answer, there once the round trip has run. */
    public static final class Answer<T> {
        private T value;
        private boolean answered;

        /** An answer known without asking (nothing to read). */
        public static <T> Answer<T> known(T value) {
            Answer<T> answer = new Answer<>();
            answer.set(value);
            return answer;
        }

        public T get() {
            if (!answered) {
                throw new IllegalStateException("the round trip has not run yet");
            }
            return value;
        }

        private void set(T value) {
            this.value = value;
            this.answered = true;
        }
    }

    private record Part<T>(String sql, List<?> params, Rows<T> rows, Answer<T> answer) {
    }

    private final DataSource dataSource;
    private final List<Part<?>> parts = new ArrayList<>();
    private boolean ran;

    public RoundTrip(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A statement answering rows (a query, or a write with {@code RETURNING}). */
    public <T> Answer<T> query(String sql, List<?> params, Rows<T> rows) {
        Answer<T> answer = new Answer<>();
        add(new Part<>(sql, params, rows, answer));
        return answer;
    }

    /** A statement answering the count of rows it wrote. */
    public Answer<Integer> update(String sql, List<?> params) {
        Answer<Integer> answer = new Answer<>();
        add(new Part<>(sql, params, null, answer));
        return answer;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    private void add(Part<?> part) {
        if (ran) {
            throw new IllegalStateException("the round trip has run already");
        }
        String sql = part.sql().strip();
        if (sql.endsWith(";")) {
            throw new IllegalArgumentException("a part is one statement, without a closing semicolon: " + sql);
        }
        parts.add(part);
    }

    /** Sends every part at once and fills their answers, in the order they were added. */
    public void run() {
        if (ran) {
            throw new IllegalStateException("the round trip has run already");
        }
        ran = true;
        if (parts.isEmpty()) {
            return;
        }
        String sql = String.join(";\n", parts.stream().map(Part::sql).toList());
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Part<?> part : parts) {
                for (Object param : part.params()) {
                    StatementCreatorUtils.setParameterValue(statement, index++, SqlTypeValue.TYPE_UNKNOWN, typed(param));
                }
            }
            boolean rows = statement.execute();
            for (Part<?> part : parts) {
                answer(statement, part, rows);
                rows = statement.getMoreResults();
            }
        } catch (SQLException e) {
            DataAccessException translated = new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("round trip", sql, e);
            throw translated != null ? translated : new UncategorizedSQLException("round trip", sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * A {@code java.sql.Timestamp} as a {@code timestamptz} (the type of every time column here): the driver sends a
     * Timestamp without a type, which makes it have the server describe the statement (see above).
     */
    private static Object typed(Object param) {
        return param instanceof Timestamp time ? time.toInstant().atOffset(ZoneOffset.UTC) : param;
    }

    private static <T> void answer(PreparedStatement statement, Part<T> part, boolean rows) throws SQLException {
        if (part.rows() == null) {
            if (rows) {
                throw new IllegalStateException("an update part answered rows: " + part.sql());
            }
            @SuppressWarnings("unchecked")
            Answer<Integer> count = (Answer<Integer>) part.answer();
            count.set(statement.getUpdateCount());
            return;
        }
        if (!rows) {
            throw new IllegalStateException("a query part answered no rows: " + part.sql());
        }
        try (ResultSet result = statement.getResultSet()) {
            part.answer().set(part.rows().read(result));
        }
    }
}
