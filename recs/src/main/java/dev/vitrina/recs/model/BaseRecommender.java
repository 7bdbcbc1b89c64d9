package dev.vitrina.recs.model;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.artifact.ArtifactManifest;
import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.data.ItemAttributesFile;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.internal.ModelFiles;
import dev.vitrina.recs.internal.Parallel;
import dev.vitrina.recs.internal.TopK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The shared machinery of all models: id handling, the training matrix for seen-item filtering, the
 * popularity fallback, item filters, top-k selection, batch recommendation and saving. A model
 * supplies dense scores ({@link #scoreUser}, {@link #scoreSimilar}) and its own files.
 */
public abstract class BaseRecommender implements Recommender, ItemSimilarity, TrainingData {

  /**
   * The state every model keeps.
   *
   * @param users the user index
   * @param items the item index
   * @param seen the training user-item matrix (values as the model used them)
   * @param parameters training parameters
   * @param fingerprint training-data fingerprint
   * @param attributes the catalogue (titles, categories, genres, typed columns) seen in training
   * @param order for each entry of {@code seen} (aligned with its indices), the rank of the pair's
   *     last interaction in time over all training rows (file order when the data has no times), or
   *     null when unknown
   */
  public record Common(
      IdIndex users,
      IdIndex items,
      UserItemMatrix seen,
      Map<String, Object> parameters,
      String fingerprint,
      ItemAttributes attributes,
      int[] order) {

    /** Shared state without a catalogue or an interaction order. */
    public Common(
        IdIndex users,
        IdIndex items,
        UserItemMatrix seen,
        Map<String, Object> parameters,
        String fingerprint) {
      this(users, items, seen, parameters, fingerprint, null, null);
    }

    /**
     * The shared state of a model trained on {@code data} whose training matrix is {@code seen}
     * (built from {@code data}): keeps the catalogue and the order of each user's interactions.
     */
    public static Common of(
        Interactions data, UserItemMatrix seen, Map<String, Object> parameters) {
      return new Common(
          data.users(),
          data.items(),
          seen,
          parameters,
          data.fingerprint(),
          data.itemAttributes(),
          interactionOrder(data, seen));
    }

    public Common {
      attributes = attributes == null ? ItemAttributes.none(items.size()) : attributes;
      if (attributes.numItems() != items.size()) {
        throw new IllegalArgumentException(
            "item attributes cover "
                + attributes.numItems()
                + " items but the model has "
                + items.size());
      }
      if (order != null && order.length != seen.nnz()) {
        throw new IllegalArgumentException(
            "interaction order has "
                + order.length
                + " entries but the training matrix has "
                + seen.nnz());
      }
      // normalise through JSON so in-memory parameters equal the ones read back from a manifest
      Map<String, Object> plain = roundTrip(parameters);
      parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(plain));
      if (seen.rows() != users.size() || seen.cols() != items.size()) {
        throw new IllegalArgumentException(
            "training matrix is "
                + seen.rows()
                + "x"
                + seen.cols()
                + " but the indexes have "
                + users.size()
                + " users and "
                + items.size()
                + " items");
      }
    }
  }

  /** The rank of each matrix entry's last interaction (see {@link Common#order}). */
  private static int[] interactionOrder(Interactions data, UserItemMatrix seen) {
    int n = data.size();
    int[] rank = new int[n];
    if (data.hasTimestamps()) {
      Integer[] rows = new Integer[n];
      for (int r = 0; r < n; r++) {
        rows[r] = r;
      }
      Arrays.sort(
          rows,
          (a, b) -> {
            int c = Long.compare(data.timestamp(a), data.timestamp(b));
            return c != 0 ? c : Integer.compare(a, b);
          });
      for (int j = 0; j < n; j++) {
        rank[rows[j]] = j;
      }
    } else {
      for (int r = 0; r < n; r++) {
        rank[r] = r;
      }
    }
    int[] order = new int[seen.nnz()];
    Arrays.fill(order, -1);
    int[] indptr = seen.indptr();
    int[] indices = seen.indices();
    for (int r = 0; r < n; r++) {
      int u = data.userIndex(r);
      int p = Arrays.binarySearch(indices, indptr[u], indptr[u + 1], data.itemIndex(r));
      if (p >= 0) {
        order[p] = Math.max(order[p], rank[r]);
      }
    }
    return order;
  }

  @Override
  public ItemAttributes itemAttributes() {
    return common.attributes();
  }

  @Override
  public int[] history(int user) {
    checkUser(user);
    UserItemMatrix m = common.seen();
    int from = m.indptr()[user];
    int to = m.indptr()[user + 1];
    int[] items = Arrays.copyOfRange(m.indices(), from, to);
    int[] ord = common.order();
    if (ord == null) {
      return items;
    }
    long[] keyed = new long[to - from];
    for (int p = from; p < to; p++) {
      keyed[p - from] = ((long) ord[p] << 32) | (m.indices()[p] & 0xffffffffL);
    }
    Arrays.sort(keyed);
    for (int j = 0; j < keyed.length; j++) {
      items[j] = (int) keyed[j];
    }
    return items;
  }

  @Override
  public double[] recentPopularity(double halfLife) {
    if (!(halfLife > 0)) {
      throw new IllegalArgumentException("halfLife must be > 0, got " + halfLife);
    }
    Object[] cached = recentCache;
    if (cached != null && (double) cached[0] == halfLife) {
      return ((double[]) cached[1]).clone();
    }
    UserItemMatrix m = common.seen();
    double[] out = new double[numItems()];
    int[] ord = common.order();
    int[] idx = m.indices();
    if (ord == null) {
      for (int i : idx) {
        out[i] += 1;
      }
    } else {
      int newest = interactionCount() - 1;
      double rate = Math.log(2) / halfLife;
      for (int p = 0; p < idx.length; p++) {
        out[idx[p]] += Math.exp(-rate * (newest - ord[p]));
      }
    }
    recentCache = new Object[] {halfLife, out.clone()};
    return out;
  }

  @Override
  public int[] firstUse() {
    int[] cached = firstUseCache;
    if (cached != null) {
      return cached.clone();
    }
    int[] first = new int[numItems()];
    Arrays.fill(first, -1);
    int[] ord = common.order();
    int[] idx = common.seen().indices();
    for (int p = 0; p < idx.length; p++) {
      int o = ord == null ? idx[p] : ord[p];
      if (first[idx[p]] < 0 || o < first[idx[p]]) {
        first[idx[p]] = o;
      }
    }
    firstUseCache = first.clone();
    return first;
  }

  @Override
  public int interactionCount() {
    int n = interactionCount;
    if (n >= 0) {
      return n;
    }
    int[] ord = common.order();
    if (ord == null) {
      n = numItems();
    } else {
      int newest = -1;
      for (int o : ord) {
        newest = Math.max(newest, o);
      }
      n = newest + 1;
    }
    interactionCount = n;
    return n;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> roundTrip(Map<String, Object> parameters) {
    try {
      return dev.vitrina.core.json.Json.mapper()
          .readValue(dev.vitrina.core.json.Json.write(new TreeMap<>(parameters)), Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("model parameters must be plain JSON values", e);
    }
  }

  private static final String ATTRIBUTES_FILE = "items.json";

  private final Common common;
  private final String name;

  // request-time summaries of the training data, computed once on first use (benign races: every
  // thread computes the same value)
  private volatile Object[] recentCache;
  private volatile int[] firstUseCache;
  private volatile int interactionCount = -1;

  /** Items with at least one training interaction, most popular first. */
  private final int[] popularOrder;

  /** The number of training users of each item. */
  private final int[] itemUsers;

  /** Builds the shared state. */
  protected BaseRecommender(String name, Common common) {
    this.name = name;
    this.common = common;
    this.itemUsers = common.seen().columnCounts();
    int known = 0;
    for (int c : itemUsers) {
      known += c > 0 ? 1 : 0;
    }
    long[] keys = new long[known];
    int n = 0;
    for (int i = 0; i < itemUsers.length; i++) {
      if (itemUsers[i] > 0) {
        keys[n++] = ((long) (Integer.MAX_VALUE - itemUsers[i]) << 32) | i;
      }
    }
    Arrays.sort(keys);
    popularOrder = new int[known];
    for (int j = 0; j < known; j++) {
      popularOrder[j] = (int) keys[j];
    }
  }

  /**
   * Writes the model's dense score for every item into {@code out} (length {@link #numItems()}).
   * Called only for users with training interactions; may use {@code out} freely. The default
   * scores the user's training row through {@link #scoreHistory}.
   */
  protected void scoreUser(int user, float[] out) {
    UserItemMatrix m = common.seen();
    scoreHistory(m.indices(), m.data(), m.indptr()[user], m.indptr()[user + 1], out);
  }

  /**
   * Writes the model's dense score for every item into {@code out} for a user whose interactions
   * are {@code items[from..to)} with matrix values {@code values[from..to)} (distinct items in
   * ascending order, values transformed as in training, like one row of {@link #trainingMatrix()}).
   * Called with at least one item.
   */
  protected abstract void scoreHistory(int[] items, float[] values, int from, int to, float[] out);

  /**
   * The dense scores of users {@code from..to} at once, for {@link #recommendAll}, or null (the
   * default) to score them one by one with {@link #scoreUser(int, float[])}. A model whose scoring
   * runs faster in batches (a neural network) returns one row per user; rows of cold users are
   * ignored.
   */
  protected float[][] scoreUserBlock(int from, int to) {
    return null;
  }

  /** Writes the similarity of every item to {@code item} into {@code out}. */
  protected abstract void scoreSimilar(int item, float[] out);

  /** The artifact format name, e.g. {@code "vitrina.recs.ials"}. */
  protected abstract String format();

  /** The artifact format version written. */
  protected abstract int formatVersion();

  /** Writes the model's own files into {@code dir}. */
  protected abstract void writeModel(Path dir) throws IOException;

  @Override
  public final String name() {
    return name;
  }

  @Override
  public Map<String, Object> parameters() {
    return common.parameters();
  }

  @Override
  public String dataFingerprint() {
    return common.fingerprint();
  }

  @Override
  public IdIndex users() {
    return common.users();
  }

  @Override
  public IdIndex items() {
    return common.items();
  }

  /** The number of items. */
  public int numItems() {
    return common.items().size();
  }

  /** The number of users. */
  public int numUsers() {
    return common.users().size();
  }

  /** The training matrix. */
  public UserItemMatrix trainingMatrix() {
    return common.seen();
  }

  /** Whether {@code item} had training interactions (only those are recommended). */
  public boolean isKnownItem(int item) {
    return itemUsers[item] > 0;
  }

  /** Whether {@code user} has no training interactions. */
  public boolean isCold(int user) {
    return common.seen().rowNnz(user) == 0;
  }

  /** The shared state (for subclasses saving and copying). */
  protected Common common() {
    return common;
  }

  /** Dense user scores for diagnostics and tests: the model's raw score for every item. */
  public float[] scores(int user) {
    checkUser(user);
    float[] out = new float[numItems()];
    scoreUser(user, out);
    return out;
  }

  @Override
  public Recommendations recommend(int user, int k, RecommendOptions options) {
    checkK(k);
    checkUser(user);
    if (isCold(user)) {
      return cold("user '" + users().id(user) + "' has no training interactions", k, options);
    }
    float[] scores = new float[numItems()];
    TopK top = new TopK(Math.min(k, Math.max(1, numItems())));
    return selectForUser(user, scores, top, options);
  }

  /** How raw interaction values became matrix values in training (parameter "transform"). */
  protected ValueTransform transform() {
    Object t = common.parameters().get("transform");
    return t == null
        ? ValueTransform.BINARY
        : ValueTransform.valueOf(t.toString().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * A request's history as one matrix row: distinct items in ascending order with their values
   * summed and transformed as in training.
   */
  protected final UserItemMatrix historyRow(RequestContext ctx) {
    int[] raw = ctx.historyItems();
    int n = raw.length;
    long[] keyed = new long[n];
    for (int i = 0; i < n; i++) {
      int item = raw[i];
      if (item < 0 || item >= numItems()) {
        throw new IllegalArgumentException(
            "history item index " + item + " is out of range [0, " + numItems() + ")");
      }
      keyed[i] = ((long) item << 32) | i;
    }
    Arrays.sort(keyed);
    int[] items = new int[n];
    float[] values = new float[n];
    int d = 0;
    ValueTransform t = transform();
    for (int i = 0; i < n; ) {
      int item = (int) (keyed[i] >>> 32);
      float sum = 0;
      for (; i < n && (int) (keyed[i] >>> 32) == item; i++) {
        sum += ctx.historyValue((int) keyed[i]);
      }
      items[d] = item;
      values[d++] = t.apply(sum);
    }
    return UserItemMatrix.of(
        1, numItems(), new int[] {0, d}, Arrays.copyOf(items, d), Arrays.copyOf(values, d));
  }

  /**
   * Dense scores for a request into {@code out}: from its history, else from its user's training
   * row; false when neither is usable (no history items, an unknown or cold user).
   */
  private boolean scoreContext(RequestContext ctx, float[] out) {
    return scoreContext(ctx, out, NO_QUERIES, NO_QUERIES);
  }

  private static final float[][] NO_QUERIES = new float[0][];

  /** {@link #scoreContext(RequestContext, float[])}, with the dot products of {@code queries}. */
  private boolean scoreContext(RequestContext ctx, float[] out, float[][] q, float[][] dots) {
    if (ctx.hasHistory()) {
      if (ctx.historyItems().length == 0) {
        dotsOnly(q, dots);
        return false;
      }
      scoreRequestHistory(ctx, out, q, dots);
      return true;
    }
    if (ctx.user() == RequestContext.NONE) {
      dotsOnly(q, dots);
      return false;
    }
    checkUser(ctx.user());
    if (isCold(ctx.user())) {
      dotsOnly(q, dots);
      return false;
    }
    scoreUser(ctx.user(), out, q, dots);
    return true;
  }

  /** The dot products of {@code q} with every item vector, when there are queries. */
  protected final void dotsOnly(float[][] q, float[][] dots) {
    if (q.length > 0) {
      itemVectors().dotAll(q, dots);
    }
  }

  /**
   * {@link #scoreUser(int, float[])} plus {@code dots[q][i] = queries[q] . item i}; the default
   * makes two passes, a model with packed item vectors overrides it to make one.
   */
  protected void scoreUser(int user, float[] out, float[][] queries, float[][] dots) {
    scoreUser(user, out);
    dotsOnly(queries, dots);
  }

  /**
   * Scores a request that carries its own (non-empty) history, plus the dot products of {@code
   * queries}. The default reads the history as a set ({@link #historyRow}: items in ascending
   * order, values summed); a sequence model overrides this to read {@link
   * RequestContext#historyItems()} in the order given, oldest first.
   */
  protected void scoreRequestHistory(
      RequestContext ctx, float[] out, float[][] queries, float[][] dots) {
    UserItemMatrix row = historyRow(ctx);
    scoreHistory(row.indices(), row.data(), 0, row.indices().length, out, queries, dots);
  }

  /** {@link #scoreHistory(int[], float[], int, int, float[])} plus the dot products. */
  protected void scoreHistory(
      int[] items,
      float[] values,
      int from,
      int to,
      float[] out,
      float[][] queries,
      float[][] dots) {
    scoreHistory(items, values, from, to, out);
    dotsOnly(queries, dots);
  }

  @Override
  public boolean scoreAll(RequestContext context, float[] out) {
    return scoreAll(context, out, NO_QUERIES, NO_QUERIES);
  }

  @Override
  public boolean scoreAll(RequestContext context, float[] out, float[][] queries, float[][] dots) {
    if (out.length != numItems()) {
      throw new IllegalArgumentException(
          "out has length " + out.length + "; scoreAll needs one slot per item: " + numItems());
    }
    if (!scoreContext(context, out, queries, dots)) {
      return false;
    }
    for (int i = 0; i < out.length; i++) {
      if (itemUsers[i] == 0) {
        out[i] = Float.NaN;
      }
    }
    return true;
  }

  @Override
  public void score(RequestContext context, int[] candidates, float[] out) {
    if (out.length < candidates.length) {
      throw new IllegalArgumentException(
          "out has room for "
              + out.length
              + " scores, not the "
              + candidates.length
              + " candidates");
    }
    float[] dense = new float[numItems()];
    if (!scoreContext(context, dense)) {
      for (int i = 0; i < dense.length; i++) {
        dense[i] = itemUsers[i];
      }
    }
    for (int i = 0; i < candidates.length; i++) {
      int c = candidates[i];
      out[i] = c >= 0 && c < dense.length && itemUsers[c] > 0 ? dense[c] : Float.NaN;
    }
  }

  @Override
  public Recommendations recommend(RequestContext context, int k, RecommendOptions options) {
    checkK(k);
    if (!context.hasHistory() && context.user() != RequestContext.NONE) {
      return recommend(context.user(), k, options);
    }
    float[] scores = new float[numItems()];
    if (!scoreContext(context, scores)) {
      return cold(
          context.user() == RequestContext.NONE
              ? "the request has no user and no history"
              : "user '" + users().id(context.user()) + "' has an empty history",
          k,
          options);
    }
    if (options.seen() == SeenItems.EXCLUDE) {
      for (int item : context.historyItems()) {
        scores[item] = Float.NaN;
      }
    }
    TopK top = new TopK(Math.min(k, Math.max(1, numItems())));
    select(scores, -1, top, options.filter());
    return drain(top);
  }

  @Override
  public void similarities(int item, float[] out) {
    if (item < 0 || item >= numItems()) {
      throw new IllegalArgumentException(
          "item index " + item + " is out of range [0, " + numItems() + ")");
    }
    scoreSimilar(item, out);
  }

  @Override
  public Recommendations recommend(String userId, int k, RecommendOptions options) {
    checkK(k);
    OptionalInt u = users().find(userId);
    if (u.isEmpty()) {
      return cold("user '" + userId + "' is unknown to the model", k, options);
    }
    return recommend(u.getAsInt(), k, options);
  }

  private Recommendations selectForUser(
      int user, float[] scores, TopK top, RecommendOptions options) {
    return selectForUser(user, scores, false, top, options);
  }

  /** {@link #selectForUser(int, float[], TopK, RecommendOptions)}, scores already in place. */
  private Recommendations selectForUser(
      int user, float[] scores, boolean scored, TopK top, RecommendOptions options) {
    if (!scored) {
      scoreUser(user, scores);
    }
    if (options.seen() == SeenItems.EXCLUDE) {
      UserItemMatrix m = common.seen();
      int[] idx = m.indices();
      for (int p = m.indptr()[user], end = m.indptr()[user + 1]; p < end; p++) {
        scores[idx[p]] = Float.NaN;
      }
    }
    select(scores, -1, top, options.filter());
    return drain(top);
  }

  /** The heap's pairs best first, as model recommendations; empties the heap. */
  private static Recommendations drain(TopK top) {
    int[] items = new int[top.size()];
    float[] scores = new float[top.size()];
    top.drainTo(items, scores, 0);
    return new Recommendations(items, scores, Recommendations.Source.MODEL);
  }

  /** Offers every known, allowed item with a non-NaN score (other than {@code self}). */
  private void select(float[] scores, int self, TopK top, ItemFilter filter) {
    int[] counts = itemUsers;
    for (int i = 0; i < scores.length; i++) {
      float s = scores[i];
      if (s >= top.threshold() && counts[i] > 0 && i != self && filter.allows(i)) {
        top.offer(i, s);
      }
    }
  }

  /** The answer for a cold or unknown user under the options' policy. */
  protected Recommendations cold(String why, int k, RecommendOptions options) {
    return switch (options.unknownUsers()) {
      case RAISE ->
          throw new UnknownIdException(
              why
                  + "; the unknown-user policy is RAISE: use FALLBACK_POPULAR to serve popular"
                  + " items or SKIP to return nothing");
      case SKIP -> Recommendations.skipped();
      case FALLBACK_POPULAR -> popular(k, options.filter());
    };
  }

  /** The {@code k} most popular training items allowed by {@code filter}. */
  protected Recommendations popular(int k, ItemFilter filter) {
    int[] it = new int[Math.min(k, popularOrder.length)];
    float[] sc = new float[it.length];
    int n = 0;
    for (int j = 0; j < popularOrder.length && n < it.length; j++) {
      int i = popularOrder[j];
      if (filter.allows(i)) {
        it[n] = i;
        sc[n] = itemUsers[i];
        n++;
      }
    }
    return new Recommendations(
        Arrays.copyOf(it, n), Arrays.copyOf(sc, n), Recommendations.Source.POPULAR_FALLBACK);
  }

  @Override
  public Recommendations similarItems(int item, int k) {
    checkK(k);
    if (item < 0 || item >= numItems()) {
      throw new IllegalArgumentException(
          "item index " + item + " is out of range [0, " + numItems() + ")");
    }
    if (!isKnownItem(item)) {
      throw new UnknownIdException(
          "item '"
              + items().id(item)
              + "' has no training interactions, so the model has nothing to compare it with");
    }
    float[] scores = new float[numItems()];
    scoreSimilar(item, scores);
    TopK top = new TopK(k);
    select(scores, item, top, ItemFilter.all());
    return drain(top);
  }

  @Override
  public Recommendations similarItems(String itemId, int k) {
    OptionalInt i = items().find(itemId);
    if (i.isEmpty()) {
      throw new UnknownIdException("item '" + itemId + "' is unknown to the model");
    }
    return similarItems(i.getAsInt(), k);
  }

  @Override
  public BatchRecommendations recommendAll(int k, RecommendOptions options) {
    checkK(k);
    int users = numUsers();
    if (options.unknownUsers() == UnknownUserPolicy.RAISE) {
      int cold = 0;
      for (int u = 0; u < users; u++) {
        cold += isCold(u) ? 1 : 0;
      }
      if (cold > 0) {
        throw new UnknownIdException(
            cold
                + " of "
                + users
                + " users have no training interactions and the unknown-user policy is RAISE;"
                + " use FALLBACK_POPULAR or SKIP for batch recommendation");
      }
    }
    int[] counts = new int[users];
    int[] items = new int[users * k];
    float[] scores = new float[users * k];
    Recommendations.Source[] sources = new Recommendations.Source[users];
    int threads = Parallel.defaultThreads();
    float[][] scratch = new float[threads][];
    TopK[] heaps = new TopK[threads];
    Parallel.forRange(
        users,
        64,
        threads,
        (w, from, to) -> {
          if (scratch[w] == null) {
            scratch[w] = new float[numItems()];
            heaps[w] = new TopK(k);
          }
          float[][] block = scoreUserBlock(from, to);
          for (int u = from; u < to; u++) {
            Recommendations r;
            if (isCold(u)) {
              r = cold("user '" + users().id(u) + "' has no training interactions", k, options);
            } else {
              heaps[w].clear();
              if (block != null) {
                System.arraycopy(block[u - from], 0, scratch[w], 0, numItems());
              }
              r = selectForUser(u, scratch[w], block != null, heaps[w], options);
            }
            counts[u] = r.size();
            sources[u] = r.source();
            System.arraycopy(r.items(), 0, items, u * k, r.size());
            System.arraycopy(r.scores(), 0, scores, u * k, r.size());
          }
        });
    return new BatchRecommendations(k, counts, items, scores, sources);
  }

  /** Checks {@code k >= 1}. */
  protected static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k + "; ask for e.g. k=10");
    }
  }

  /** Checks a dense user index. */
  protected void checkUser(int user) {
    if (user < 0 || user >= numUsers()) {
      throw new IllegalArgumentException(
          "user index " + user + " is out of range [0, " + numUsers() + ")");
    }
  }

  @Override
  public void save(Path dir) throws IOException {
    ArtifactHome.publish(
        dir,
        format(),
        formatVersion(),
        common.parameters(),
        common.fingerprint(),
        tmp -> {
          ModelFiles.writeIds(tmp.resolve("users.ids"), common.users());
          ModelFiles.writeIds(tmp.resolve("items.ids"), common.items());
          UserItemMatrix m = common.seen();
          ModelFiles.writeInts(tmp.resolve("train.indptr"), m.indptr());
          ModelFiles.writeInts(tmp.resolve("train.indices"), m.indices());
          ModelFiles.writeFloats(tmp.resolve("train.data"), m.data());
          if (common.order() != null) {
            ModelFiles.writeInts(tmp.resolve("train.order"), common.order());
          }
          ItemAttributesFile.write(tmp.resolve(ATTRIBUTES_FILE), common.attributes());
          writeModel(tmp);
        });
  }

  /**
   * Reads the shared state of a saved model after verifying its manifest (format, version,
   * checksums).
   */
  protected static Common readCommon(Path dir, String format, int maxVersion) throws IOException {
    ArtifactManifest m = Artifacts.load(dir, format, maxVersion);
    IdIndex users = ModelFiles.readIds(dir.resolve("users.ids"));
    IdIndex items = ModelFiles.readIds(dir.resolve("items.ids"));
    UserItemMatrix seen =
        UserItemMatrix.of(
            users.size(),
            items.size(),
            ModelFiles.readInts(dir.resolve("train.indptr")),
            ModelFiles.readInts(dir.resolve("train.indices")),
            ModelFiles.readFloats(dir.resolve("train.data")));
    Path attrs = dir.resolve(ATTRIBUTES_FILE);
    ItemAttributes attributes =
        Files.exists(attrs) ? ItemAttributesFile.read(attrs, items.size()) : null;
    Path order = dir.resolve("train.order");
    return new Common(
        users,
        items,
        seen,
        m.parameters(),
        m.dataFingerprint(),
        attributes,
        Files.exists(order) ? ModelFiles.readInts(order) : null);
  }
}
