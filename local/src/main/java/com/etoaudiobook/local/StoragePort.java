package com.etoaudiobook.local;

import com.etoaudiobook.local.embedded.EmbeddedS3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded S3 on the same port as last time for this data folder: presigned links handed out
 * before a restart (downloads, the player's audio) name that port, and stay valid after it. The
 * port is remembered in {@code s3.port} beside the data; when it is taken now, another one is used
 * (and remembered) rather than not starting.
 */
final class StoragePort {
  private static final Logger LOG = LoggerFactory.getLogger(StoragePort.class);

  private StoragePort() {
  }

  static EmbeddedS3 start(Path dataDir, String bucket) throws IOException {
    Path file = dataDir.resolve("s3.port");
    int last = 0;
    try {
      last = Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 0;
    } catch (NumberFormatException e) {
      LOG.warn("ignoring unreadable {}", file);
    }
    EmbeddedS3 s3;
    try {
      s3 = EmbeddedS3.start(dataDir.resolve("s3"), last, bucket);
    } catch (RuntimeException e) {
      if (last == 0) {
        throw e;
      }
      LOG.warn("storage port {} is taken; links handed out before this start will not work: {}", last,
          e.getMessage());
      s3 = EmbeddedS3.start(dataDir.resolve("s3"), 0, bucket);
    }
    if (s3.port() != last) {
      Files.writeString(file, Integer.toString(s3.port()), StandardCharsets.US_ASCII);
    }
    return s3;
  }
}
