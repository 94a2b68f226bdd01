package com.etoaudiobook.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A BlobStore in a local folder: keys are relative paths; writes go through a temp file and a rename. */
public final class FileBlobStore implements BlobStore {
  private final Path root;

  public FileBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file behind a key; rejects keys that would escape the root. */
  public Path path(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root) || key.startsWith("/")) {
      throw new IllegalArgumentException("invalid key: " + key);
    }
    return p;
  }

  @Override
  public byte[] get(String key) {
    Path p = path(key);
    if (!p.toFile().isFile()) {
      return null; // asked first: a miss (a cache look-up's usual answer) then throws nothing
    }
    try {
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void put(String key, byte[] data, String contentType) {
    try (OutputStream out = create(key, contentType)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean exists(String key) {
    return path(key).toFile().isFile(); // java.io's test: NIO's throws (and catches) for a missing file
  }

  @Override
  public List<String> list(String prefix) {
    Path dir = path(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/') + 1) : "");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    collect(dir, prefix, keys);
    keys.sort(null);
    return keys;
  }

  /** Walks a folder, tolerating files that vanish meanwhile (temp files renamed by writers). */
  private void collect(Path dir, String prefix, List<String> keys) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String key = root.relativize(p).toString().replace('\\', '/');
        if (Files.isDirectory(p)) {
          if (prefix.startsWith(key + "/") || (key + "/").startsWith(prefix) || key.startsWith(prefix)) {
            collect(p, prefix, keys);
          }
        } else if (key.startsWith(prefix) && !key.contains(".tmp-")) {
          keys.add(key);
        }
      }
    } catch (NoSuchFileException e) {
      // the folder went away: nothing under it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return Files.newInputStream(path(key));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body goes straight into the object's temporary file; only the head is kept for the end. */
  @Override
  public HeadLastUpload createHeadLast(String key, String contentType) {
    return createHeadLast(key, contentType, -1);
  }

  @Override
  public HeadLastUpload createHeadLast(String key, String contentType, int headLength) {
    try {
      return new FileHeadLastUpload(path(key), headLength);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public BlobUpload create(String key, String contentType) {
    Path target = path(key);
    try {
      Temp created = temp(target);
      Path temp = created.path();
      OutputStream file = Channels.newOutputStream(created.channel());
      return new BlobUpload() {
        private boolean finished;

        @Override
        public void write(int b) throws IOException {
          file.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          file.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          if (finished) {
            return;
          }
          finished = true;
          file.close();
          try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }

        @Override
        public void abort() {
          if (finished) {
            return;
          }
          finished = true;
          try {
            file.close();
            Files.deleteIfExists(temp);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final FileAttribute<?>[] OWNER_ONLY = POSIX
      ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
      : new FileAttribute<?>[0];

  /** A temporary file, open to read and write. */
  record Temp(Path path, FileChannel channel) {
  }

  /**
   * A new, empty temporary file beside {@code target} (its folders made), for the owner only as
   * {@link Files#createTempFile} makes them, but named from a thread-local random number: that one
   * draws on SecureRandom and opens the file twice, for two files per part of a book.
   */
  static Temp temp(Path target) throws IOException {
    Path folder = target.getParent();
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder); // (which throws and catches for a folder that exists)
    }
    while (true) {
      Path temp = folder.resolve(target.getFileName() + ".tmp-"
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
      try {
        return new Temp(temp, FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, StandardOpenOption.READ), OWNER_ONLY));
      } catch (FileAlreadyExistsException e) {
        // drawn twice: draw again
      }
    }
  }
}
