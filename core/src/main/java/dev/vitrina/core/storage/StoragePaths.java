package dev.vitrina.core.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place where a location given as text becomes a {@link Path}: a local path, or {@code
 * s3://bucket/key} on the S3 file system (aws-java-nio-spi-for-s3). Everything downstream works on
 * {@code java.nio.file.Path}, so readers and writers need no second code path for object stores.
 *
 * <h2>Settings</h2>
 *
 * <p>Region and credentials come from the standard AWS settings (the {@code AWS_REGION}, {@code
 * AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} environment variables, the {@code aws.*}
 * system properties, or a profile in {@code ~/.aws}); this class never reads, prints or stores
 * them. The endpoint is AWS unless {@link #useEndpoint} names an S3-compatible store (the CLI's
 * {@code --s3-endpoint}); without a call, {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}
 * is used when set. With a custom endpoint, requests use path-style addressing, the region defaults
 * to {@code us-east-1} when none is set, and the EC2 metadata service is not asked for credentials.
 *
 * <p>An {@code s3://} path keeps its bucket and key in {@link #display}; its {@link Path#toString}
 * is the key alone, so messages name paths through {@link #display}.
 */
public final class StoragePaths {

  /** The URI scheme of object-store locations. */
  public static final String S3 = "s3";

  private static final String S3X = "s3x";

  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

  private static volatile Endpoint endpoint = Endpoint.fromEnvironment(System.getenv());

  private StoragePaths() {}

  /**
   * The path a user's location stands for.
   *
   * @param location a local path ({@code data/sales.csv}, {@code /tmp/out}) or {@code
   *     s3://bucket/key} (the key may be empty or end with {@code /} for a folder)
   * @throws IllegalArgumentException for another scheme, an {@code s3://} location without a
   *     bucket, or a bucket name S3 does not allow, naming the location and the fix
   */
  public static Path resolve(String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("a path is empty; give a local path or s3://bucket/key");
    }
    var m = SCHEME.matcher(location);
    if (!m.matches()) {
      return Path.of(location);
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return Path.of(URI.create(location));
    }
    if (!scheme.equals(S3)) {
      throw new IllegalArgumentException(
          "'"
              + location
              + "' uses the scheme '"
              + scheme
              + "://', which vitrina does not read; give a local path or s3://bucket/key (other"
              + " object stores through an S3-compatible endpoint and --s3-endpoint)");
    }
    String rest = location.substring(S3.length() + 3);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    checkBucketName(bucket, location);
    Endpoint e = endpoint;
    try {
      URI uri =
          e == null
              ? new URI(S3, bucket, "/" + key, null)
              : new URI(S3X, null, e.host(), e.port(), "/" + bucket + "/" + key, null, null);
      return asFolderIfOne(Path.of(uri));
    } catch (URISyntaxException | IllegalArgumentException ex) {
      throw new IllegalArgumentException(
          "'"
              + location
              + "' is not a valid S3 location ("
              + ex.getMessage()
              + "); give s3://bucket/key",
          ex);
    }
  }

  /**
   * An object-store path without a trailing {@code /} names a folder when no object has its key but
   * keys lie under it; the folder form is returned then, so that {@link Files#isDirectory} and
   * listing work on it. Any failure to ask leaves the path as given (the first real access reports
   * it).
   */
  private static Path asFolderIfOne(Path p) {
    String s = p.toString();
    if (s.isEmpty() || s.equals("/") || s.endsWith("/")) {
      return p;
    }
    try {
      if (!Files.exists(p)) {
        if (isDirectory(p)) {
          return directory(p);
        }
      }
    } catch (RuntimeException e) {
      // see above
    }
    return p;
  }

  /**
   * Sends S3 requests to an S3-compatible endpoint instead of AWS from now on (for this JVM);
   * {@code null} or blank goes back to the environment's setting. Paths resolved before keep the
   * endpoint they were resolved with.
   *
   * @param value {@code http://host:port}, {@code https://host:port} or {@code host:port} (plain
   *     HTTP for a loopback host, HTTPS otherwise)
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static void useEndpoint(String value) {
    Endpoint e =
        value == null || value.isBlank()
            ? Endpoint.fromEnvironment(System.getenv())
            : Endpoint.parse(value.strip(), "--s3-endpoint");
    endpoint = e;
    if (e != null) {
      e.apply();
    }
  }

  /** The custom endpoint in use as {@code protocol://host:port}, or null for AWS. */
  public static String endpoint() {
    Endpoint e = endpoint;
    return e == null ? null : e.protocol() + "://" + e.host() + ":" + e.port();
  }

  /** Whether {@code path} lives on an object store rather than the local file system. */
  public static boolean isRemote(Path path) {
    return path.getFileSystem() != FileSystems.getDefault();
  }

  /** Whether {@code path} is an {@code s3://} location. */
  public static boolean isS3(Path path) {
    String scheme = path.getFileSystem().provider().getScheme();
    return S3.equals(scheme) || S3X.equals(scheme);
  }

  /** The bucket of an {@code s3://} path, or null for another path. */
  public static String bucket(Path path) {
    if (!isS3(path)) {
      return null;
    }
    URI uri = path.toAbsolutePath().toUri();
    if (S3.equals(uri.getScheme())) {
      return uri.getAuthority();
    }
    String p = uri.getPath();
    int end = p.indexOf('/', 1);
    return end < 0 ? p.substring(1) : p.substring(1, end);
  }

  /**
   * How to name {@code path} to a user: {@code s3://bucket/key} for an object-store path (never the
   * endpoint or credentials), {@link Path#toString} otherwise.
   */
  public static String display(Path path) {
    if (!isS3(path)) {
      return path.toString();
    }
    String key = path.toAbsolutePath().toString();
    if (key.startsWith("/")) {
      key = key.substring(1);
    }
    return "s3://" + bucket(path) + "/" + key;
  }

  /**
   * The folder form of {@code path}: on an object store a key ending in {@code /} (a folder is a
   * key prefix there), on the local file system {@code path} itself.
   */
  public static Path directory(Path path) {
    if (!isRemote(path)) {
      return path;
    }
    String s = path.toString();
    return s.endsWith("/") ? path : path.getFileSystem().getPath(s + "/");
  }

  /** The last name of {@code path}, without the trailing {@code /} of an object-store folder. */
  public static String name(Path path) {
    Path f = path.getFileName();
    String n = f == null ? "" : f.toString();
    return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
  }

  /**
   * Whether {@code path} is a folder: {@link Files#isDirectory} on the local file system; on an
   * object store, whether any key lies under its folder form (one listing request; false when the
   * listing fails).
   */
  public static boolean isDirectory(Path path) {
    if (!isRemote(path)) {
      return Files.isDirectory(path);
    }
    String s = path.toString();
    if (s.isEmpty() || s.equals("/")) {
      return true;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory(path))) {
      return ds.iterator().hasNext();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Asks the object store for the bucket of {@code path} (one listing request), so that a missing
   * bucket or refused credentials surface as such ({@link S3Errors}) rather than as a missing file;
   * does nothing for a local path.
   *
   * @throws IOException the store's refusal
   */
  public static void checkBucket(Path path) throws IOException {
    if (!isRemote(path)) {
      return;
    }
    Path root = path.getFileSystem().getPath("/");
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      ds.iterator().hasNext();
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static void checkBucketName(String bucket, String location) {
    if (bucket.length() < 3
        || bucket.length() > 63
        || !bucket.matches("[a-z0-9][a-z0-9.-]*[a-z0-9]")) {
      throw new IllegalArgumentException(
          "'"
              + location
              + "' has no valid bucket name ('"
              + bucket
              + "'); S3 bucket names are 3 to 63 lower-case letters, digits, '.' or '-': give"
              + " s3://bucket/key");
    }
  }

  /** A custom S3 endpoint. */
  record Endpoint(String protocol, String host, int port) {

    private static final Pattern FORM =
        Pattern.compile("^(?:(https?)://)?([A-Za-z0-9][A-Za-z0-9.-]*)(?::([0-9]{1,5}))?/?$");

    static Endpoint fromEnvironment(Map<String, String> env) {
      for (String name : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
        String v = env.get(name);
        if (v != null && !v.isBlank()) {
          return parse(v.strip(), "the environment variable " + name);
        }
      }
      return null;
    }

    static Endpoint parse(String value, String setting) {
      var m = FORM.matcher(value);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "'"
                + value
                + "' given in "
                + setting
                + " is not an S3 endpoint; use http://host:port, https://host:port or host:port,"
                + " e.g. http://127.0.0.1:9000");
      }
      String host = m.group(2);
      boolean loopback =
          host.equals("localhost") || host.startsWith("127.") || host.equals("0.0.0.0");
      String protocol = m.group(1) != null ? m.group(1) : (loopback ? "http" : "https");
      int port =
          m.group(3) != null ? Integer.parseInt(m.group(3)) : protocol.equals("http") ? 80 : 443;
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "port " + port + " in " + setting + " '" + value + "' is out of range; use 1 to 65535");
      }
      return new Endpoint(protocol, host, port);
    }

    /** Configures the S3 file system for this endpoint (it reads system properties). */
    void apply() {
      System.setProperty("s3.spi.endpoint-protocol", protocol);
      System.setProperty("s3.spi.force-path-style", "true");
      if (System.getProperty("aws.region") == null
          && System.getenv("AWS_REGION") == null
          && System.getenv("AWS_DEFAULT_REGION") == null) {
        System.setProperty("aws.region", "us-east-1");
      }
      if (System.getProperty("aws.disableEc2Metadata") == null) {
        System.setProperty("aws.disableEc2Metadata", "true");
      }
    }
  }

  static {
    Endpoint e = endpoint;
    if (e != null) {
      e.apply();
    }
  }
}
