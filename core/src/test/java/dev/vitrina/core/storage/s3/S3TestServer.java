package dev.vitrina.core.storage.s3;

import dev.vitrina.core.storage.StoragePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3 servers for tests: S3Proxy with its filesystem backend on 127.0.0.1, started once per test JVM
 * and shared. {@link #get()} is a well-behaved server; {@link #flaky()} fails a share of uploads
 * and downloads (after reading part of an upload) so that retries and atomic publishing can be
 * checked. Both take the credentials {@link #ACCESS_KEY}/{@link #SECRET_KEY}, which {@link #useFor}
 * puts where the AWS SDK looks for them (system properties).
 */
public final class S3TestServer {

  public static final String ACCESS_KEY = "vitrina-test";
  public static final String SECRET_KEY = "vitrina-test-secret";

  private static S3TestServer plain;
  private static S3TestServer flaky;

  private final S3Proxy proxy;
  private final FlakyStore store;
  private final int port;
  private final AtomicInteger buckets = new AtomicInteger();

  private S3TestServer(boolean failSome) throws Exception {
    Path dir = Files.createTempDirectory("vitrina-s3-");
    dir.toFile().deleteOnExit();
    store = new FlakyStore(new FilesystemNio2BlobStore(dir.toString()), failSome ? 3 : 0);
    proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(5);
    }
    port = proxy.getPort();
  }

  /** The shared well-behaved server. */
  public static synchronized S3TestServer get() {
    if (plain == null) {
      plain = start(false);
    }
    return plain;
  }

  /** The shared server that fails every third upload and download once. */
  public static synchronized S3TestServer flaky() {
    if (flaky == null) {
      flaky = start(true);
    }
    return flaky;
  }

  private static S3TestServer start(boolean failSome) {
    try {
      S3TestServer s = new S3TestServer(failSome);
      Runtime.getRuntime().addShutdownHook(new Thread(s::stopQuietly));
      return s;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start S3Proxy on 127.0.0.1: " + e, e);
    }
  }

  private void stopQuietly() {
    try {
      proxy.stop();
    } catch (Exception e) {
      // the JVM is exiting
    }
  }

  /** {@code 127.0.0.1:PORT}. */
  public String endpoint() {
    return "127.0.0.1:" + port;
  }

  /**
   * Points {@link StoragePaths} at this server and sets the test credentials; returns {@code
   * endpoint()} for a {@code --s3-endpoint} flag.
   */
  public String useFor() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    StoragePaths.useEndpoint(endpoint());
    return endpoint();
  }

  /** Creates a fresh bucket named {@code PREFIX-N} and returns its name. */
  public String newBucket(String prefix) {
    String name = prefix + "-" + buckets.incrementAndGet();
    store.delegate().createContainer(CreateBucketRequest.builder().bucket(name).build());
    return name;
  }

  /** Requests failed on purpose so far. */
  public long failures() {
    return store.failures.get();
  }

  /** Whether an object exists, asked of the backend directly. */
  public boolean exists(String bucket, String key) {
    return store.delegate().blobExists(bucket, key);
  }

  /** The bytes of an object, read from the backend directly. */
  public byte[] bytes(String bucket, String key) {
    try (InputStream in = store.delegate().getBlob(bucket, key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails every {@code every}-th upload (after reading half its body) and download. */
  private static final class FlakyStore extends ForwardingBlobStore {
    private final int every;
    private final AtomicLong puts = new AtomicLong();
    private final AtomicLong gets = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    FlakyStore(BlobStore delegate, int every) {
      super(delegate);
      this.every = every;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
      if (every > 0 && puts.incrementAndGet() % every == 0) {
        failures.incrementAndGet();
        try {
          input.readNBytes(Math.max(1, (int) Math.min(1 << 20, request.contentLength() / 2)));
        } catch (IOException | RuntimeException e) {
          // the failure below is the point
        }
        throw new IllegalStateException("injected failure while storing " + request.key());
      }
      return super.putBlob(request, input);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
      if (every > 0 && gets.incrementAndGet() % every == 0) {
        failures.incrementAndGet();
        throw new IllegalStateException("injected failure while reading " + request.key());
      }
      return super.getBlob(request);
    }
  }
}
