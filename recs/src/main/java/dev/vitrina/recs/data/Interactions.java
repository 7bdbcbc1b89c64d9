package dev.vitrina.recs.data;

import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.validate.ValidationReport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated, immutable set of user-item interactions. External user and item ids are mapped once
 * to dense ints ({@link #users()}, {@link #items()}); each row {@code r} is the triple {@code
 * (userIndex(r), itemIndex(r), value(r))} with an optional timestamp in epoch milliseconds. Rows
 * keep the order they were read in; repeated (user, item) pairs are kept as separate rows and
 * summed when a {@link #toMatrix matrix} is built.
 *
 * <p>The id space may be larger than the rows: catalogue items read from an item file without
 * interactions, or users known only from attributes. Subsets made with {@link #select(int[])} (by
 * the splitters) share the id indexes of their parent, so a model trained on a training split
 * answers in the same dense ids as the test split.
 *
 * <p>Memory: 20 bytes per row with timestamps (12 without) plus the id dictionaries.
 */
public final class Interactions {

  private final IdIndex users;
  private final IdIndex items;
  private final int[] user;
  private final int[] item;
  private final float[] value;
  private final long[] time;
  private final Feedback feedback;
  private final ItemAttributes itemAttributes;
  private final UserAttributes userAttributes;
  private final ValidationReport report;
  private volatile String fingerprint; // computed once: the data is immutable

  private Interactions(
      IdIndex users,
      IdIndex items,
      int[] user,
      int[] item,
      float[] value,
      long[] time,
      Feedback feedback,
      ItemAttributes itemAttributes,
      UserAttributes userAttributes,
      ValidationReport report) {
    this.users = users;
    this.items = items;
    this.user = user;
    this.item = item;
    this.value = value;
    this.time = time;
    this.feedback = feedback;
    this.itemAttributes = itemAttributes;
    this.userAttributes = userAttributes;
    this.report = report;
  }

  /** A builder for interactions of the given kind. */
  public static Builder builder(Feedback feedback) {
    return new Builder(feedback);
  }

  /**
   * Interactions from dense arrays over existing id indexes (for generators and tests).
   *
   * @param timestamps epoch milliseconds per row, or {@code null}
   */
  public static Interactions of(
      IdIndex users,
      IdIndex items,
      int[] user,
      int[] item,
      float[] value,
      long[] timestamps,
      Feedback feedback,
      ItemAttributes itemAttributes) {
    int n = user.length;
    if (item.length != n || value.length != n || (timestamps != null && timestamps.length != n)) {
      throw new IllegalArgumentException(
          "user, item, value (and timestamp) arrays must have the same length, got "
              + n
              + ", "
              + item.length
              + ", "
              + value.length);
    }
    for (int r = 0; r < n; r++) {
      if (user[r] < 0 || user[r] >= users.size() || item[r] < 0 || item[r] >= items.size()) {
        throw new IllegalArgumentException(
            "row " + r + " has user " + user[r] + " / item " + item[r] + " outside the id indexes");
      }
      if (!Float.isFinite(value[r])) {
        throw new IllegalArgumentException("row " + r + " has a non-finite value " + value[r]);
      }
    }
    ItemAttributes attrs =
        itemAttributes == null ? ItemAttributes.none(items.size()) : itemAttributes;
    if (attrs.numItems() != items.size()) {
      throw new IllegalArgumentException(
          "item attributes cover " + attrs.numItems() + " items, the index has " + items.size());
    }
    return new Interactions(
        users,
        items,
        user.clone(),
        item.clone(),
        value.clone(),
        timestamps == null ? null : timestamps.clone(),
        feedback,
        attrs,
        UserAttributes.none(),
        null);
  }

  /** The number of rows. */
  public int size() {
    return user.length;
  }

  /** The user id index (all users known, with or without rows). */
  public IdIndex users() {
    return users;
  }

  /** The item id index (all items known, with or without rows). */
  public IdIndex items() {
    return items;
  }

  /** The number of known users. */
  public int numUsers() {
    return users.size();
  }

  /** The number of known items. */
  public int numItems() {
    return items.size();
  }

  /** The dense user index of row {@code r}. */
  public int userIndex(int r) {
    return user[r];
  }

  /** The dense item index of row {@code r}. */
  public int itemIndex(int r) {
    return item[r];
  }

  /** The value (count, weight or rating) of row {@code r}. */
  public float value(int r) {
    return value[r];
  }

  /** Whether rows carry timestamps. */
  public boolean hasTimestamps() {
    return time != null;
  }

  /**
   * The timestamp of row {@code r} in epoch milliseconds.
   *
   * @throws IllegalStateException when the data has no timestamps
   */
  public long timestamp(int r) {
    if (time == null) {
      throw new IllegalStateException(
          "these interactions have no timestamps; read them with a timestamp column");
    }
    return time[r];
  }

  /** Implicit or explicit feedback. */
  public Feedback feedback() {
    return feedback;
  }

  /** Item attributes (never null; possibly empty). */
  public ItemAttributes itemAttributes() {
    return itemAttributes;
  }

  /** User attributes (never null; possibly empty). */
  public UserAttributes userAttributes() {
    return userAttributes;
  }

  /**
   * The report of the reader that produced this data, when read from a file: rows read, kept and
   * rejected (by rule, with the first rows), and in {@link ValidationReport#duplicatesMerged()} the
   * rows that repeat an earlier (user, item) pair (kept as rows; a {@link #toMatrix matrix} sums
   * them).
   */
  public Optional<ValidationReport> readReport() {
    return Optional.ofNullable(report);
  }

  /**
   * The user-item matrix ({@link #numUsers()} x {@link #numItems()}); repeated pairs are summed,
   * then {@code transform} is applied. Time {@code O(rows log rows)} at worst.
   */
  public UserItemMatrix toMatrix(ValueTransform transform) {
    return UserItemMatrix.fromCoordinates(numUsers(), numItems(), user, item, value, transform);
  }

  /**
   * The rows of each user, grouped in CSR form: rows of user {@code u} are {@code
   * rows[offsets[u]..offsets[u+1])}, ordered by timestamp (ties and untimed data keep input order).
   */
  public RowsByUser rowsByUser() {
    int n = size();
    int[] offsets = new int[numUsers() + 1];
    for (int r = 0; r < n; r++) {
      offsets[user[r] + 1]++;
    }
    for (int u = 0; u < numUsers(); u++) {
      offsets[u + 1] += offsets[u];
    }
    int[] pos = Arrays.copyOf(offsets, numUsers());
    int[] rows = new int[n];
    for (int r = 0; r < n; r++) {
      rows[pos[user[r]]++] = r;
    }
    if (time != null) {
      for (int u = 0; u < numUsers(); u++) {
        sortByTime(rows, offsets[u], offsets[u + 1]);
      }
    }
    return new RowsByUser(offsets, rows);
  }

  private void sortByTime(int[] rows, int from, int to) {
    // insertion sort is fine for short, mostly sorted histories; merge sort otherwise
    if (to - from < 32) {
      for (int i = from + 1; i < to; i++) {
        int r = rows[i];
        int j = i - 1;
        while (j >= from && time[rows[j]] > time[r]) {
          rows[j + 1] = rows[j];
          j--;
        }
        rows[j + 1] = r;
      }
      return;
    }
    long[] keys = new long[to - from];
    // stable: sort by (time, position) using boxed-free index sort
    Integer[] order = new Integer[to - from];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      keys[i] = time[rows[from + i]];
    }
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    int[] copy = Arrays.copyOfRange(rows, from, to);
    for (int i = 0; i < order.length; i++) {
      rows[from + i] = copy[order[i]];
    }
  }

  /** Rows grouped by user; see {@link #rowsByUser()}. */
  public record RowsByUser(int[] offsets, int[] rows) {
    /** The number of rows of user {@code u}. */
    public int count(int u) {
      return offsets[u + 1] - offsets[u];
    }
  }

  /** The interactions at the given row positions, sharing this data's id indexes and attributes. */
  public Interactions select(int[] rows) {
    int n = rows.length;
    int[] u = new int[n];
    int[] i = new int[n];
    float[] v = new float[n];
    long[] t = time == null ? null : new long[n];
    for (int k = 0; k < n; k++) {
      int r = rows[k];
      u[k] = user[r];
      i[k] = item[r];
      v[k] = value[r];
      if (t != null) {
        t[k] = time[r];
      }
    }
    return new Interactions(
        users, items, u, i, v, t, feedback, itemAttributes, userAttributes, report);
  }

  /**
   * These interactions with other item attributes (e.g. read from a catalogue file by {@link
   * ItemCatalogReader}). The rows and the fingerprint are unchanged: attributes describe items,
   * they are not training data.
   *
   * @throws IllegalArgumentException when the attributes cover another number of items
   */
  public Interactions withItemAttributes(ItemAttributes attributes) {
    if (attributes.numItems() != items.size()) {
      throw new IllegalArgumentException(
          "item attributes cover "
              + attributes.numItems()
              + " items, the interactions have "
              + items.size());
    }
    return new Interactions(
        users, items, user, item, value, time, feedback, attributes, userAttributes, report);
  }

  /** A copy keeping only rows whose value is at least {@code min} (e.g. ratings >= 4). */
  public Interactions filterValueAtLeast(float min) {
    int[] keep = new int[size()];
    int n = 0;
    for (int r = 0; r < size(); r++) {
      if (value[r] >= min) {
        keep[n++] = r;
      }
    }
    return select(Arrays.copyOf(keep, n));
  }

  /**
   * A SHA-256 fingerprint of the rows (dense ids, values, timestamps) and the id dictionaries;
   * equal data gives equal fingerprints. Computed on first use and kept (every trainer records it).
   */
  public String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = computeFingerprint();
      fingerprint = f;
    }
    return f;
  }

  private String computeFingerprint() {
    MessageDigest md = Artifacts.sha256();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < size(); r++) {
      if (buf.remaining() < 20) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putInt(user[r]).putInt(item[r]).putFloat(value[r]);
      if (time != null) {
        buf.putLong(time[r]);
      }
    }
    md.update(buf.array(), 0, buf.position());
    for (int u = 0; u < users.size(); u++) {
      md.update(users.id(u).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) '\n');
    }
    for (int i = 0; i < items.size(); i++) {
      md.update(items.id(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) '\n');
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Counts describing the data, for reports and validation output. */
  public Summary summary() {
    int[] userCount = new int[numUsers()];
    int[] itemCount = new int[numItems()];
    long minT = Long.MAX_VALUE;
    long maxT = Long.MIN_VALUE;
    for (int r = 0; r < size(); r++) {
      userCount[user[r]]++;
      itemCount[item[r]]++;
      if (time != null) {
        minT = Math.min(minT, time[r]);
        maxT = Math.max(maxT, time[r]);
      }
    }
    int activeUsers = 0;
    for (int c : userCount) {
      activeUsers += c > 0 ? 1 : 0;
    }
    int activeItems = 0;
    for (int c : itemCount) {
      activeItems += c > 0 ? 1 : 0;
    }
    UserItemMatrix m = toMatrix(ValueTransform.BINARY);
    double density =
        activeUsers == 0 || activeItems == 0 ? 0 : (double) m.nnz() / activeUsers / activeItems;
    return new Summary(
        size(),
        numUsers(),
        numItems(),
        activeUsers,
        activeItems,
        m.nnz(),
        size() - m.nnz(),
        density,
        time == null ? null : java.time.Instant.ofEpochMilli(minT).toString(),
        time == null ? null : java.time.Instant.ofEpochMilli(maxT).toString());
  }

  /**
   * Counts of a data set.
   *
   * @param rows interaction rows
   * @param users known users
   * @param items known items
   * @param usersWithRows users with at least one row
   * @param itemsWithRows items with at least one row
   * @param distinctPairs distinct (user, item) pairs
   * @param repeatedRows rows beyond the first of their (user, item) pair
   * @param density distinct pairs / (users with rows * items with rows)
   * @param firstTimestamp ISO-8601 time of the earliest row, or null
   * @param lastTimestamp ISO-8601 time of the latest row, or null
   */
  public record Summary(
      long rows,
      int users,
      int items,
      int usersWithRows,
      int itemsWithRows,
      long distinctPairs,
      long repeatedRows,
      double density,
      String firstTimestamp,
      String lastTimestamp) {}

  /**
   * Collects rows with external ids. Users and items get dense indices in first-seen order
   * (including items first seen in {@link #itemCategory} and friends). Values must be finite;
   * implicit values must be {@code >= 0}. Timestamps are given for all rows or for none.
   */
  public static final class Builder {
    private final Feedback feedback;
    private final IdIndex.Builder users = new IdIndex.Builder();
    private final IdIndex.Builder items = new IdIndex.Builder();
    private int[] user = new int[1024];
    private int[] item = new int[1024];
    private float[] value = new float[1024];
    private long[] time = new long[1024];
    private int n;
    private Boolean timed;
    private final Map<Integer, String> category = new HashMap<>();
    private final Map<Integer, List<String>> genres = new HashMap<>();
    private final Map<Integer, String> titles = new HashMap<>();
    private final Map<String, Map<Integer, String>> userAttrs = new LinkedHashMap<>();
    private ValidationReport report;

    private Builder(Feedback feedback) {
      this.feedback = feedback;
    }

    /** Adds a row without a timestamp. */
    public Builder add(String userId, String itemId, float v) {
      return add(userId, itemId, v, Long.MIN_VALUE, false);
    }

    /** Adds a row with a timestamp in epoch milliseconds. */
    public Builder add(String userId, String itemId, float v, long epochMillis) {
      return add(userId, itemId, v, epochMillis, true);
    }

    private Builder add(String userId, String itemId, float v, long t, boolean hasTime) {
      if (timed == null) {
        timed = hasTime;
      } else if (timed != hasTime) {
        throw new IllegalArgumentException(
            "row "
                + (n + 1)
                + (hasTime ? " has" : " lacks")
                + " a timestamp unlike the rows before it; give timestamps for all rows or none");
      }
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException(
            "row " + (n + 1) + ": value " + v + " is not finite; values must be finite numbers");
      }
      if (feedback == Feedback.IMPLICIT && v < 0) {
        throw new IllegalArgumentException(
            "row "
                + (n + 1)
                + ": implicit value "
                + v
                + " is negative; counts and weights must be >= 0 (use Feedback.EXPLICIT for"
                + " ratings)");
      }
      if (n == user.length) {
        int cap = n * 2;
        user = Arrays.copyOf(user, cap);
        item = Arrays.copyOf(item, cap);
        value = Arrays.copyOf(value, cap);
        time = Arrays.copyOf(time, cap);
      }
      user[n] = users.add(userId);
      item[n] = items.add(itemId);
      value[n] = v;
      time[n] = t;
      n++;
      return this;
    }

    /** Declares a catalogue item (it gets an index even without rows). */
    public Builder declareItem(String itemId) {
      items.add(itemId);
      return this;
    }

    /** Declares a user (it gets an index even without rows). */
    public Builder declareUser(String userId) {
      users.add(userId);
      return this;
    }

    /** Sets the category of an item (declaring it). */
    public Builder itemCategory(String itemId, String categoryName) {
      category.put(items.add(itemId), categoryName);
      return this;
    }

    /** Sets the genres of an item (declaring it). */
    public Builder itemGenres(String itemId, List<String> genreNames) {
      genres.put(items.add(itemId), List.copyOf(genreNames));
      return this;
    }

    /** Sets the title of an item (declaring it). */
    public Builder itemTitle(String itemId, String title) {
      titles.put(items.add(itemId), title);
      return this;
    }

    /** Sets a user attribute (declaring the user). */
    public Builder userAttribute(String userId, String column, String v) {
      userAttrs.computeIfAbsent(column, c -> new HashMap<>()).put(users.add(userId), v);
      return this;
    }

    /** Attaches the reader's report; its duplicate count is set by {@link #build()}. */
    public Builder report(ValidationReport r) {
      this.report = r;
      return this;
    }

    /** The number of rows added so far. */
    public int size() {
      return n;
    }

    /** Builds the immutable interactions. */
    public Interactions build() {
      IdIndex u = users.build();
      IdIndex i = items.build();
      int numItems = i.size();
      int[] cat = new int[numItems];
      Arrays.fill(cat, ItemAttributes.NO_CATEGORY);
      IdIndex.Builder catCodes = new IdIndex.Builder();
      for (int it = 0; it < numItems; it++) {
        String c = category.get(it);
        if (c != null) {
          cat[it] = catCodes.add(c);
        }
      }
      IdIndex.Builder genreCodes = new IdIndex.Builder();
      int[] gOff = new int[numItems + 1];
      int[] gCodes = new int[16];
      int nGenres = 0;
      String[] titleArr = new String[numItems];
      for (int it = 0; it < numItems; it++) {
        for (String g : genres.getOrDefault(it, List.of())) {
          if (nGenres == gCodes.length) {
            gCodes = Arrays.copyOf(gCodes, 2 * nGenres);
          }
          gCodes[nGenres++] = genreCodes.add(g);
        }
        gOff[it + 1] = nGenres;
        titleArr[it] = titles.get(it);
      }
      ItemAttributes attrs =
          new ItemAttributes(
              cat,
              catCodes.build().ids(),
              gOff,
              Arrays.copyOf(gCodes, nGenres),
              genreCodes.build().ids(),
              titleArr);
      String[] cols = userAttrs.keySet().toArray(new String[0]);
      String[][] vals = new String[cols.length][u.size()];
      for (int c = 0; c < cols.length; c++) {
        for (Map.Entry<Integer, String> e : userAttrs.get(cols[c]).entrySet()) {
          vals[c][e.getKey()] = e.getValue();
        }
      }
      boolean hasTime = timed != null && timed;
      int[] us = Arrays.copyOf(user, n);
      int[] is = Arrays.copyOf(item, n);
      ValidationReport rep = report;
      if (rep != null) {
        long distinct =
            UserItemMatrix.fromCoordinates(u.size(), numItems, us, is, null, ValueTransform.BINARY)
                .nnz();
        rep =
            new ValidationReport(
                rep.file(),
                rep.rowsRead(),
                rep.rowsKept(),
                rep.rejectedByReason(),
                n - distinct,
                rep.issues());
      }
      return new Interactions(
          u,
          i,
          us,
          is,
          Arrays.copyOf(value, n),
          hasTime ? Arrays.copyOf(time, n) : null,
          feedback,
          attrs,
          new UserAttributes(cols, vals),
          rep);
    }
  }
}
