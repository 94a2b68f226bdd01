package com.etoaudiobook.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * The CLI's synthesis cache entries (cache/tts/{sha256}.entry) appended to one file per run (a
 * pack in cache/tts/packs/) instead of a file each. A conversion created a file per part for its
 * entries (1,310 for 120,000 characters), and on a journal-less ext4 each new inode is found by
 * scanning past those deleted in the last minutes: the system time of a conversion grew with the
 * files the one before it left (0.5 to 2.7 s for 120,000 characters). A run reads every pack's
 * index at start (its record heads: two reads per entry, no audio), so a rerun finds what any
 * earlier run, or a killed one, stored.
 *
 * <p>A record: the key's length, the entry's length, the entry's CRC-32 (4 bytes each, big-endian),
 * the key (UTF-8), the entry. A record cut short (a run killed while writing it) ends its pack's
 * index; an entry whose checksum fails reads as a miss, so it is made again.
 */
final class CachePack {
  static final String FOLDER = "cache/tts/packs";
  private static final int HEAD = 12;
  /** Longer keys are not ours (a cache key is a SHA-256 in hex). */
  private static final int MAX_KEY = 1024;

  private record Location(Path pack, long offset, int length, int crc) {
  }

  private final Path folder;
  private final ConcurrentHashMap<String, Location> index = new ConcurrentHashMap<>();
  /** The packs read from so far: opened on a first read, so a cache of many runs' packs keeps few open. */
  private final ConcurrentHashMap<Path, FileChannel> open = new ConcurrentHashMap<>();
  /** This run's pack, made on the first entry (guarded by this). */
  private FileChannel out;
  private Path outPath;
  private long end;

  /** Reads the index of every pack in {@code folder}. */
  CachePack(Path folder) {
    this.folder = folder;
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> packs = Files.newDirectoryStream(folder, "*.pack")) {
      for (Path pack : packs) {
        try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.READ)) {
          readIndex(pack, channel);
        } catch (IOException e) {
          // removed meanwhile, or unreadable: what it held is made again
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code key} names a synthesis cache entry, which this pack holds. */
  static boolean holds(String key) {
    return key.startsWith("cache/tts/") && key.endsWith(".entry") && key.indexOf('/', 10) < 0;
  }

  private void readIndex(Path file, FileChannel pack) throws IOException {
    long size = pack.size();
    long at = 0;
    ByteBuffer head = ByteBuffer.allocate(HEAD + 128);
    while (at + HEAD <= size) {
      head.clear();
      readFully(pack, head, at, (int) Math.min(head.capacity(), size - at));
      head.flip();
      int keyLength = head.getInt(0);
      int length = head.getInt(4);
      int crc = head.getInt(8);
      if (keyLength <= 0 || keyLength > MAX_KEY || length < 0 || at + HEAD + keyLength + length > size) {
        return; // cut short: the rest of this pack was never written whole
      }
      byte[] key = new byte[keyLength];
      if (keyLength <= head.limit() - HEAD) {
        head.get(HEAD, key);
      } else {
        readFully(pack, ByteBuffer.wrap(key), at + HEAD, keyLength);
      }
      long offset = at + HEAD + keyLength;
      index.put(new String(key, StandardCharsets.UTF_8), new Location(file, offset, length, crc));
      at = offset + length;
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long at, int length) throws IOException {
    into.limit(into.position() + length);
    while (into.hasRemaining()) {
      if (channel.read(into, at + into.position()) < 0) {
        throw new IOException("pack ended early");
      }
    }
  }

  boolean exists(String key) {
    return index.containsKey(key);
  }

  /** The entry, or null when no pack holds it whole. */
  byte[] get(String key) {
    Location l = index.get(key);
    if (l == null) {
      return null;
    }
    byte[] data = new byte[l.length()];
    try {
      FileChannel pack = open.computeIfAbsent(l.pack(), CachePack::openToRead);
      if (pack == null) {
        index.remove(key, l); // its pack is gone: a miss
        return null;
      }
      ByteBuffer into = ByteBuffer.wrap(data);
      while (into.hasRemaining()) {
        if (pack.read(into, l.offset() + into.position()) < 0) {
          return null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (crc(data) != l.crc()) {
      index.remove(key, l); // damaged: a miss, made and stored again
      return null;
    }
    return data;
  }

  private static FileChannel openToRead(Path pack) {
    try {
      return FileChannel.open(pack, StandardOpenOption.READ);
    } catch (IOException e) {
      return null;
    }
  }

  /** Appends the entry to this run's pack; it is found by this run at once and by later runs. */
  void put(String key, byte[] data) {
    byte[] name = key.getBytes(StandardCharsets.UTF_8);
    int crc = crc(data);
    ByteBuffer head = ByteBuffer.allocate(HEAD + name.length).putInt(name.length).putInt(data.length)
        .putInt(crc).put(name).flip();
    ByteBuffer body = ByteBuffer.wrap(data);
    synchronized (this) {
      try {
        if (out == null) {
          Files.createDirectories(folder);
          outPath = folder.resolve(String.format("%016x-%08x.pack", System.currentTimeMillis(),
              ThreadLocalRandom.current().nextInt()));
          out = FileChannel.open(outPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
              StandardOpenOption.WRITE);
          open.put(outPath, out);
        }
        long at = end;
        ByteBuffer[] record = {head, body};
        long left = head.remaining() + (long) data.length;
        while (left > 0) {
          left -= out.write(record);
        }
        end = at + HEAD + name.length + data.length;
        index.put(key, new Location(outPath, at + HEAD + name.length, data.length, crc));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Forgets the entry (its bytes stay in their pack until the cache folder is removed). */
  void delete(String key) {
    index.remove(key);
  }

  List<String> list(String prefix) {
    return index.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
  }

  private static int crc(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return (int) crc.getValue();
  }
}
