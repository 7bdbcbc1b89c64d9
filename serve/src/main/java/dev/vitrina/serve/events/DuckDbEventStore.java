package dev.vitrina.serve.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The event log in an embedded DuckDB file (no server to start).
 *
 * <p>Durability: DuckDB appends each commit to the write-ahead log {@code FILE.wal} and syncs it to
 * disk (fsync) before the commit returns, once per {@link #append}; on the next open it replays the
 * log. So an event acknowledged by {@link #append} survives a SIGKILL of the process, and, as far
 * as the disk honours fsync, a crash of the machine. One process at a time may open the file for
 * writing (DuckDB locks it); another process cannot read it meanwhile.
 *
 * <p>Extension autoloading and autoinstalling are switched off: the store never reaches the
 * network.
 */
public final class DuckDbEventStore extends SqlEventStore {

  private final Path file;

  private DuckDbEventStore(Path file, boolean readOnly) {
    super(readOnly);
    this.file = file;
  }

  /**
   * Opens the log in {@code file} for appending, creating the file, its parent folders and the
   * table when absent.
   */
  public static DuckDbEventStore open(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException(
          "event log "
              + file
              + " is a folder; give a file such as "
              + file.resolve("events.duckdb"));
    }
    DuckDbEventStore s = new DuckDbEventStore(file, false);
    s.init();
    return s;
  }

  /** Opens an existing log in {@code file} read-only (for analysis). */
  public static DuckDbEventStore openForReading(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "event log "
              + file
              + " does not exist; give the file that 'vitrina serve --events duckdb:FILE' writes");
    }
    DuckDbEventStore s = new DuckDbEventStore(file, true);
    s.init();
    return s;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  @Override
  protected Connection connect() throws SQLException {
    Properties p = new Properties();
    if (readOnly()) {
      p.setProperty("duckdb.read_only", "true");
    }
    Connection c;
    try {
      c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("lock")) {
        throw new SQLException(
            e.getMessage()
                + " (another process, such as a running 'vitrina serve', has the file open;"
                + " stop it first)",
            e);
      }
      throw e;
    }
    try (Statement s = c.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
      s.execute("SET autoload_known_extensions=false");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  protected List<String> schema() {
    return List.of(
        "CREATE SEQUENCE IF NOT EXISTS events_seq",
        "CREATE TABLE IF NOT EXISTS events ("
            + "seq BIGINT NOT NULL DEFAULT nextval('events_seq'), "
            + "id VARCHAR PRIMARY KEY, "
            + "type VARCHAR NOT NULL, "
            + "user_id VARCHAR NOT NULL, "
            + "item_id VARCHAR, "
            + "ts TIMESTAMP NOT NULL, "
            + "experiment VARCHAR, "
            + "variant VARCHAR, "
            + "value DOUBLE NOT NULL, "
            + "ingested_at TIMESTAMP NOT NULL)");
  }

  @Override
  public String describe() {
    return "duckdb:" + file;
  }
}
