package dev.vitrina.serve.events;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An event log in a SQL database: one table {@code events} with the same columns in DuckDB and
 * PostgreSQL.
 *
 * <pre>
 *   seq          BIGINT     ingestion order (increasing, may have gaps)
 *   id           VARCHAR    primary key: the idempotency key
 *   type         VARCHAR    impression, click, purchase, exposure, ...
 *   user_id      VARCHAR
 *   item_id      VARCHAR    null for exposures
 *   ts           TIMESTAMP  when it happened (UTC)
 *   experiment   VARCHAR    null unless the event belongs to an experiment
 *   variant      VARCHAR
 *   value        DOUBLE
 *   ingested_at  TIMESTAMP  when it was committed (UTC); ingested_at - ts is the lag
 * </pre>
 *
 * <p>All statements go through one connection guarded by a lock, so the store is safe for
 * concurrent use and appends commit one after another. {@link #append} removes repeated ids within
 * the batch, inserts the rest with multi-row {@code INSERT ... ON CONFLICT (id) DO NOTHING} and
 * commits once; it returns only after the commit, and counts every skipped event as a duplicate. An
 * event whose id is already in the log is skipped even when its other fields differ: the first
 * write wins.
 */
public abstract class SqlEventStore implements EventStore {

  /** The columns of the log, in table order. */
  public static final List<String> COLUMNS =
      List.of(
          "seq",
          "id",
          "type",
          "user_id",
          "item_id",
          "ts",
          "experiment",
          "variant",
          "value",
          "ingested_at");

  /** Rows per INSERT statement (9 parameters each). */
  private static final int CHUNK = 500;

  private static String insert(int rows) {
    StringBuilder b =
        new StringBuilder(
            "INSERT INTO events (id, type, user_id, item_id, ts, experiment, variant, value,"
                + " ingested_at) VALUES ");
    for (int i = 0; i < rows; i++) {
      b.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    return b.append(" ON CONFLICT (id) DO NOTHING").toString();
  }

  private final ReentrantLock lock = new ReentrantLock();
  private Connection connection;
  private boolean closed;

  private final boolean readOnly;

  /**
   * For subclasses, which call {@link #init()} before handing the store out.
   *
   * @param readOnly whether the store only reads (no table creation, no appends)
   */
  protected SqlEventStore(boolean readOnly) {
    this.readOnly = readOnly;
  }

  /** A new connection, in auto-commit mode off. */
  protected abstract Connection connect() throws SQLException;

  /** The statements that create the table and its helpers when absent. */
  protected abstract List<String> schema();

  /** Whether the store only reads (no table creation, no appends). */
  protected final boolean readOnly() {
    return readOnly;
  }

  /** Connects and creates the schema; called once by the factory methods. */
  protected final void init() throws IOException {
    lock.lock();
    try {
      Connection c = connection();
      if (!readOnly()) {
        try (Statement s = c.createStatement()) {
          for (String sql : schema()) {
            s.execute(sql);
          }
          c.commit();
        }
      } else if (!hasTable(c)) {
        throw new IllegalArgumentException(
            describe()
                + " has no table 'events': it is not an event log; give the log the server"
                + " writes (--events of vitrina serve)");
      }
    } catch (SQLException e) {
      throw failure("could not prepare the event log", e);
    } finally {
      lock.unlock();
    }
  }

  private static boolean hasTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'")) {
      r.next();
      boolean has = r.getLong(1) > 0;
      c.rollback();
      return has;
    }
  }

  private Connection connection() throws SQLException, IOException {
    if (closed) {
      throw new IOException("the event log " + describe() + " is closed");
    }
    if (connection == null) {
      connection = connect();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  /** Drops a connection that failed and is no longer valid, so the next call reconnects. */
  private void afterFailure() {
    Connection c = connection;
    if (c == null) {
      return;
    }
    try {
      c.rollback();
      if (c.isValid(2)) {
        return;
      }
    } catch (SQLException ignored) {
      // the connection is broken: replaced below
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken
    }
    connection = null;
  }

  @Override
  public AppendResult append(List<Event> events) throws IOException {
    if (readOnly()) {
      throw new IllegalStateException("the event log " + describe() + " was opened for reading");
    }
    Map<String, Event> unique = new LinkedHashMap<>();
    for (Event e : events) {
      unique.putIfAbsent(e.id(), e);
    }
    int repeated = events.size() - unique.size();
    if (unique.isEmpty()) {
      return new AppendResult(0, repeated);
    }
    LocalDateTime now = utc(Instant.now());
    lock.lock();
    try {
      Connection c = connection();
      int written = 0;
      List<Event> rows = new ArrayList<>(unique.values());
      for (int from = 0; from < rows.size(); from += CHUNK) {
        List<Event> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
        try (PreparedStatement p = c.prepareStatement(insert(chunk.size()))) {
          int k = 1;
          for (Event e : chunk) {
            p.setString(k++, e.id());
            p.setString(k++, e.type());
            p.setString(k++, e.user());
            p.setString(k++, e.item());
            p.setObject(k++, utc(e.time()));
            p.setString(k++, e.experiment());
            p.setString(k++, e.variant());
            p.setDouble(k++, e.value());
            p.setObject(k++, now);
          }
          written += p.executeUpdate();
        }
      }
      c.commit();
      return new AppendResult(written, events.size() - written);
    } catch (SQLException e) {
      afterFailure();
      throw failure("could not commit " + events.size() + " events", e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long count() throws IOException {
    return queryLong("SELECT count(*) FROM events");
  }

  /** The ids in the log, in ingestion order. */
  public List<String> ids() throws IOException {
    List<String> out = new ArrayList<>();
    query("SELECT id FROM events ORDER BY seq", r -> out.add(r.getString(1)));
    return out;
  }

  /**
   * The lag of the newest committed event: {@code ingested_at - ts} of the event with the highest
   * {@code seq}, in seconds; 0 for an empty log.
   */
  public double lagSeconds() throws IOException {
    double[] lag = {0};
    query(
        "SELECT ts, ingested_at FROM events ORDER BY seq DESC LIMIT 1",
        r -> {
          LocalDateTime ts = r.getObject(1, LocalDateTime.class);
          LocalDateTime in = r.getObject(2, LocalDateTime.class);
          lag[0] = java.time.Duration.between(ts, in).toNanos() / 1e9;
        });
    return lag[0];
  }

  /** Receives one row of a query. */
  @FunctionalInterface
  public interface RowHandler {
    /** Reads the current row of {@code r}. */
    void row(ResultSet r) throws SQLException, IOException;
  }

  /**
   * Runs a read-only query over the log with {@code params} bound in order, calling {@code handler}
   * per row, in a transaction of its own under the store's lock.
   */
  public void query(String sql, RowHandler handler, Object... params) throws IOException {
    lock.lock();
    try {
      Connection c = connection();
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setFetchSize(10_000);
        for (int i = 0; i < params.length; i++) {
          p.setObject(i + 1, params[i]);
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            handler.row(r);
          }
        }
      }
      c.rollback();
    } catch (SQLException e) {
      afterFailure();
      throw failure("could not read the event log", e);
    } finally {
      lock.unlock();
    }
  }

  private long queryLong(String sql) throws IOException {
    long[] v = {0};
    query(sql, r -> v[0] = r.getLong(1));
    return v[0];
  }

  /** An instant as a UTC wall-clock time, the form the {@code ts} column holds. */
  public static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  /** A UTC wall-clock time from the {@code ts} column as an instant. */
  public static Instant instant(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC);
  }

  private IOException failure(String what, SQLException e) {
    return new IOException(what + " in " + describe() + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      closed = true;
      if (connection != null) {
        try {
          connection.rollback();
          connection.close();
        } catch (SQLException e) {
          throw failure("could not close", e);
        } finally {
          connection = null;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
