package dev.vitrina.cli.storage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/**
 * An S3 server on 127.0.0.1 (S3Proxy) keeping its objects as files under a folder: one folder per
 * bucket. It checks no credentials (any key is accepted), so it listens on loopback only.
 */
final class LocalS3 implements AutoCloseable {

  private final S3Proxy proxy;
  private final BlobStore store;

  LocalS3(Path dir, int port) throws Exception {
    Files.createDirectories(dir);
    store = new FilesystemNio2BlobStore(dir.toAbsolutePath().toString());
    proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.NONE, null, null)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!proxy.getState().equals("STARTED")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the local S3 server did not start on 127.0.0.1:" + port + " in 30 s");
      }
      Thread.sleep(5);
    }
  }

  int port() {
    return proxy.getPort();
  }

  String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  void createBucket(String name) {
    if (!store.containerExists(name)) {
      store.createContainer(CreateBucketRequest.builder().bucket(name).build());
    }
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
