package dev.vitrina.core.storage;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns a refused S3 request into a message a user can act on: which bucket, what went wrong, and
 * which setting to fix. Credentials never appear in the messages.
 */
public final class S3Errors {

  private S3Errors() {}

  /** What kind of refusal a failure is. */
  public enum Kind {
    /** The bucket does not exist at the endpoint. */
    NO_SUCH_BUCKET,
    /** The credentials are unknown, wrong, or lack permission. */
    ACCESS,
    /** No credentials or region could be found. */
    CONFIGURATION,
    /** Anything else. */
    OTHER
  }

  /** The kind of {@code failure}, looking through its causes. */
  public static Kind kind(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileSystemNotFoundException) {
        return Kind.NO_SUCH_BUCKET;
      }
      if (t instanceof AccessDeniedException) {
        return Kind.ACCESS;
      }
      if (t instanceof AwsServiceException s) {
        String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
        if ("NoSuchBucket".equals(code)) {
          return Kind.NO_SUCH_BUCKET;
        }
        if (s.statusCode() == 403
            || "InvalidAccessKeyId".equals(code)
            || "SignatureDoesNotMatch".equals(code)
            || "AccessDenied".equals(code)) {
          return Kind.ACCESS;
        }
      }
      if (t instanceof SdkClientException c && c.getMessage() != null) {
        String m = c.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("unable to load credentials") || m.contains("unable to load region")) {
          return Kind.CONFIGURATION;
        }
      }
      String m = t.getMessage();
      if (m != null && m.contains("NoSuchBucket")) {
        return Kind.NO_SUCH_BUCKET;
      }
      if (m != null && (m.contains("InvalidAccessKeyId") || m.contains("SignatureDoesNotMatch"))) {
        return Kind.ACCESS;
      }
    }
    return Kind.OTHER;
  }

  /** Whether retrying cannot help: a missing bucket, refused credentials, missing settings. */
  public static boolean isPermanent(Throwable failure) {
    return kind(failure) != Kind.OTHER;
  }

  /**
   * A message for a failure while using {@code path} (an {@code s3://} path), or null when the
   * failure is not one of the refusals of {@link Kind}.
   */
  public static String describe(Throwable failure, Path path) {
    String bucket = path == null ? null : StoragePaths.bucket(path);
    String where = bucket == null ? "the bucket" : "bucket '" + bucket + "'";
    String endpoint = StoragePaths.endpoint();
    String at = endpoint == null ? "AWS S3" : endpoint;
    return switch (kind(failure)) {
      case NO_SUCH_BUCKET ->
          where
              + " does not exist at "
              + at
              + "; create it, or fix the bucket in the path"
              + (endpoint == null
                  ? " (or set --s3-endpoint for an S3-compatible store)"
                  : " or --s3-endpoint");
      case ACCESS ->
          "S3 refused the credentials for "
              + where
              + " at "
              + at
              + "; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) to a key"
              + " that may use this bucket";
      case CONFIGURATION ->
          "no AWS credentials or region found for "
              + where
              + "; set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION (or AWS_PROFILE)";
      case OTHER -> null;
    };
  }
}
