package com.etoaudiobook.aws;

import com.etoaudiobook.storage.BlobStore;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3BlobStore against a real S3Proxy (jclouds filesystem provider) with SigV4 authentication. */
class S3BlobStoreTest {
  private static final String BUCKET = "data";
  private static final String ID = "test-id";
  private static final String SECRET = "test-secret";

  @TempDir
  static Path dir;
  static S3Proxy proxy;
  static S3Client s3;
  static S3Presigner presigner;
  static S3BlobStore store;

  @BeforeAll
  static void start() throws Exception {
    var external = com.etoaudiobook.aws.testing.AwsTestBackend.external();
    if (external.isPresent()) {
      AwsSettings settings = external.get().start(BUCKET);
      s3 = AwsClients.s3(settings);
      presigner = AwsClients.presigner(settings);
      store = new S3BlobStore(s3, presigner, BUCKET, S3BlobStore.DEFAULT_PART_SIZE, 10);
      return;
    }
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", dir.toString());
    BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(props).build(BlobStoreContext.class);
    context.getBlobStore().createContainerInLocation(null, BUCKET);
    proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V4, ID, SECRET)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
    AwsSettings settings = AwsSettings.local(URI.create("http://127.0.0.1:" + proxy.getPort()), null)
        .withCredentials(ID, SECRET);
    s3 = AwsClients.s3(settings);
    presigner = AwsClients.presigner(settings);
    store = new S3BlobStore(s3, presigner, BUCKET, S3BlobStore.DEFAULT_PART_SIZE, 10);
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    presigner.close();
    if (proxy != null) {
      proxy.stop();
    }
  }

  @Test
  void putGetExistsDelete() throws Exception {
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    store.put("books/a/book.json", data, "application/json");
    assertArrayEquals(data, store.get("books/a/book.json"));
    assertTrue(store.exists("books/a/book.json"));
    assertEquals("application/json", s3.headObject(r -> r.bucket(BUCKET).key("books/a/book.json")).contentType());
    try (InputStream in = store.open("books/a/book.json")) {
      assertArrayEquals(data, in.readAllBytes());
    }
    store.delete("books/a/book.json");
    assertFalse(store.exists("books/a/book.json"));
    assertNull(store.get("books/a/book.json"));
    assertThrows(BlobStore.BlobNotFoundException.class, () -> store.open("books/a/book.json"));
    store.delete("books/a/book.json"); // deleting a missing key is not an error, as in S3
  }

  @Test
  void listFollowsContinuationTokensInLexicalOrder() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 123; i++) {
      String key = String.format("list/job/parts/%06d.mp3", i);
      store.put(key, new byte[] {(byte) i}, "audio/mpeg");
      expected.add(key);
    }
    store.put("list/jobx", new byte[1], null);
    store.put("lisu", new byte[1], null);
    // page size is 10, so this walks 13 pages
    assertEquals(expected, store.list("list/job/"), "keys under list/job/");
    assertEquals(124, store.list("list/").size());
    assertEquals(List.of(), store.list("nothing/"));
    // StartAfter: only what sorts after the key, still across pages
    assertEquals(expected.subList(101, 123), store.list("list/job/", expected.get(100)));
    assertEquals(List.of(), store.list("list/job/", expected.get(122)));
  }

  @Test
  void copyIsServerSide() {
    store.put("copy/from.txt", "abc".getBytes(StandardCharsets.UTF_8), "text/plain");
    store.copy("copy/from.txt", "copy/to.mp3", "audio/mpeg");
    assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), store.get("copy/to.mp3"));
    assertEquals("audio/mpeg", s3.headObject(r -> r.bucket(BUCKET).key("copy/to.mp3")).contentType());
    assertThrows(BlobStore.BlobNotFoundException.class, () -> store.copy("copy/missing", "copy/x", null));
  }

  @Test
  void streamingCreateUploadsPartsAndShowsTheObjectOnlyOnClose() throws Exception {
    String key = "stream/big.mp3";
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    Random random = new Random(42);
    byte[] chunk = new byte[1024 * 1024];
    S3UploadStream out = store.create(key, "audio/mpeg");
    for (int i = 0; i < 20; i++) {
      random.nextBytes(chunk);
      out.write(chunk);
      written.update(chunk);
      if (i == 17) {
        // two 8 MiB parts are uploaded by now, yet nothing is visible
        assertFalse(store.exists(key));
        assertEquals(List.of(), store.list("stream/"));
      }
    }
    out.close();
    out.close(); // idempotent
    assertTrue(store.exists(key));
    assertEquals(List.of(key), store.list("stream/"));
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    try (InputStream in = store.open(key)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        read.update(buf, 0, n);
      }
    }
    assertEquals(HexFormat.of().formatHex(written.digest()), HexFormat.of().formatHex(read.digest()));
    var head = s3.headObject(r -> r.bucket(BUCKET).key(key));
    assertEquals(20L * 1024 * 1024, head.contentLength());
    assertEquals("audio/mpeg", head.contentType());
    // a multipart ETag is "md5-of-part-md5s-N": 3 parts of 8+8+4 MiB
    assertTrue(head.eTag().endsWith("-3\""), head.eTag());
  }

  /**
   * The book's upload: a body streamed in 20 MiB (two 8 MiB parts go while it is written), then its
   * head; the object is head + body, in that order, visible only then.
   */
  @Test
  void headLastUploadPutsTheHeadFirst() throws Exception {
    String key = "headlast/big.mp3";
    Random random = new Random(7);
    byte[] body = new byte[20 * 1024 * 1024 + 123];
    random.nextBytes(body);
    com.etoaudiobook.storage.HeadLastUpload out = store.createHeadLast(key, "audio/mpeg");
    for (int i = 0; i < body.length; i += 300_000) {
      out.write(body, i, Math.min(300_000, body.length - i));
    }
    assertFalse(store.exists(key));
    assertFalse(s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix("headlast/")).uploads().isEmpty(),
        "the body's parts after the first are on their way before the head is known");
    byte[] head = "ID3-and-Xing".getBytes(StandardCharsets.UTF_8);
    out.close(head);
    byte[] expected = new byte[head.length + body.length];
    System.arraycopy(head, 0, expected, 0, head.length);
    System.arraycopy(body, 0, expected, head.length, body.length);
    assertArrayEquals(expected, store.get(key));
    var meta = s3.headObject(r -> r.bucket(BUCKET).key(key));
    assertEquals("audio/mpeg", meta.contentType());
    assertTrue(meta.eTag().endsWith("-3\""), meta.eTag()); // head + 8 MiB, 8 MiB, the last 4 MiB
    assertTrue(s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix("headlast/")).uploads().isEmpty());
  }

  @Test
  void smallHeadLastUploadIsOnePutObjectAndAnAbortLeavesNothing() throws Exception {
    com.etoaudiobook.storage.HeadLastUpload small = store.createHeadLast("headlast/small.mp3", "audio/mpeg");
    small.write("body".getBytes(StandardCharsets.UTF_8));
    small.close("head:".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("head:body".getBytes(StandardCharsets.UTF_8), store.get("headlast/small.mp3"));
    assertFalse(s3.headObject(r -> r.bucket(BUCKET).key("headlast/small.mp3")).eTag().contains("-"));

    com.etoaudiobook.storage.HeadLastUpload dropped = store.createHeadLast("headlast/dropped.mp3", "audio/mpeg");
    dropped.write(new byte[18 * 1024 * 1024]); // a part uploaded
    dropped.abort();
    assertThrows(java.io.IOException.class, () -> dropped.close(new byte[1]));
    assertFalse(store.exists("headlast/dropped.mp3"));
    assertTrue(s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix("headlast/dropped")).uploads().isEmpty());
  }

  @Test
  void smallCreateIsOnePutObject() throws Exception {
    try (OutputStream out = store.create("stream/small.txt", "text/plain")) {
      out.write("small".getBytes(StandardCharsets.UTF_8));
      assertFalse(store.exists("stream/small.txt"));
    }
    assertArrayEquals("small".getBytes(StandardCharsets.UTF_8), store.get("stream/small.txt"));
    assertFalse(s3.headObject(r -> r.bucket(BUCKET).key("stream/small.txt")).eTag().contains("-"));
  }

  @Test
  void abortedWriteLeavesNothing() throws Exception {
    String key = "abort/half.mp3";
    S3UploadStream out = store.create(key, "audio/mpeg");
    out.write(new byte[10 * 1024 * 1024]); // one part uploaded
    out.abort();
    assertThrows(java.io.IOException.class, () -> out.write(1));
    out.close(); // a no-op after abort: must not publish the object
    assertFalse(store.exists(key));
    assertEquals(List.of(), store.list("abort/"));
    assertTrue(s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix("abort/")).uploads().isEmpty());
  }

  /**
   * A writer streaming on one thread is aborted from another while its first part is under way (as
   * the assembly's book upload is): the abort must wait for it and abort the upload it made, or the
   * upload, created after the abort looked, is left to be billed.
   */
  @Test
  void abortFromAnotherThreadWhileAPartIsUnderWayLeavesNothing() throws Exception {
    String key = "abort-race/book.mp3";
    java.util.concurrent.CountDownLatch creating = new java.util.concurrent.CountDownLatch(1);
    // the real client, with CreateMultipartUpload slow enough for the abort to land while it runs
    S3Client slow = (S3Client) java.lang.reflect.Proxy.newProxyInstance(S3Client.class.getClassLoader(),
        new Class<?>[] {S3Client.class}, (proxy, method, args) -> {
          if (method.getName().equals("createMultipartUpload")) {
            creating.countDown();
            Thread.sleep(300);
          }
          try {
            return method.invoke(s3, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    S3UploadStream out = new S3UploadStream(slow, BUCKET, key, "audio/mpeg", S3BlobStore.DEFAULT_PART_SIZE);
    Thread writer = new Thread(() -> {
      try {
        out.write(new byte[10 * 1024 * 1024]); // one part uploaded on the way
      } catch (java.io.IOException e) {
        // the abort may close the stream under it: what counts is what is left on S3
      }
    });
    writer.start();
    creating.await();
    out.abort();
    writer.join();
    out.close(); // a no-op after abort
    assertFalse(store.exists(key));
    assertTrue(s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix("abort-race/")).uploads().isEmpty(),
        "an upload was left after the abort");
  }

  @Test
  void uploadsLeftByAWriterThatDiedAreAbortedAtStartUp() throws Exception {
    S3UploadStream orphan = store.create("orphan/killed.mp3", "audio/mpeg");
    orphan.write(new byte[10 * 1024 * 1024]); // one part uploaded, then the process "dies"
    assertEquals(1, s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix("orphan/")).uploads().size());
    assertTrue(store.abortUploadsStartedBefore(java.time.Instant.now().plusSeconds(1)) >= 1);
    assertTrue(s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix("orphan/")).uploads().isEmpty());
    assertFalse(store.exists("orphan/killed.mp3"));
  }

  @Test
  void presignedPutStoresExactlyTheDeclaredBytes() throws Exception {
    byte[] body = "script text".getBytes(StandardCharsets.UTF_8);
    String url = store.putUrl("uploads/u1/story.md", "text/markdown", body.length, Duration.ofMinutes(5));
    String signed = URLDecoder.decode(query(url, "X-Amz-SignedHeaders"), StandardCharsets.UTF_8);
    assertTrue(List.of(signed.split(";")).containsAll(List.of("content-length", "content-type", "host")), signed);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/markdown")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ok.statusCode(), ok.body());
    assertArrayEquals(body, store.get("uploads/u1/story.md"));

    // the same URL with a longer body: Content-Length differs from the signed one
    String url2 = store.putUrl("uploads/u2/story.md", "text/markdown", body.length, Duration.ofMinutes(5));
    HttpResponse<String> longer = http.send(HttpRequest.newBuilder(URI.create(url2)).header("Content-Type", "text/markdown")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[body.length + 1000])).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, longer.statusCode(), longer.body());
    assertTrue(longer.body().contains("SignatureDoesNotMatch"), longer.body());
    assertFalse(store.exists("uploads/u2/story.md"));

    // another Content-Type is refused too
    HttpResponse<String> otherType = http.send(HttpRequest.newBuilder(URI.create(url2)).header("Content-Type", "text/html")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, otherType.statusCode(), otherType.body());
  }

  @Test
  void presignedGetNamesTheDownload() throws Exception {
    byte[] body = new byte[3000];
    new Random(1).nextBytes(body);
    store.put("jobs/j/out/book.mp3", body, "audio/mpeg");
    String url = store.getUrl("jobs/j/out/book.mp3", Duration.ofMinutes(5), "Crème \"brûlée\"/№ 1.mp3");
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertArrayEquals(body, response.body());
    assertEquals("attachment; filename=\"Creme _brulee_No 1.mp3\"; filename*=UTF-8''Cr%C3%A8me%20%22br%C3%BBl%C3%A9e%22%2F%E2%84%96%201.mp3",
        response.headers().firstValue("Content-Disposition").orElse(null));

    HttpResponse<byte[]> tampered = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url.replace("book.mp3", "book2.mp3"))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertNotEquals(200, tampered.statusCode());
  }

  private static String query(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " not in " + url);
  }
}
