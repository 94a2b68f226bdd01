package com.etoaudiobook.storage;

import com.etoaudiobook.audio.VoiceLevelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Voice levels in one small properties file (a line per voice) in the local runtime's data folder,
 * so a start begins from the levels earlier ones learned. Read once; each write merges into what is on disk
 * (another run may have written meanwhile) and replaces the file atomically. A file that cannot be
 * read or written costs the measurements it would have saved, never the conversion.
 */
public final class FileVoiceLevelStore implements VoiceLevelStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileVoiceLevelStore.class);
  private final Path file;
  private Properties levels;

  public FileVoiceLevelStore(Path file) {
    this.file = file;
  }

  @Override
  public synchronized Stored get(String voice) {
    if (levels == null) {
      levels = read();
    }
    return Stored.decode(levels.getProperty(voice));
  }

  @Override
  public synchronized void put(String voice, Stored level) {
    try {
      levels = read();
      levels.setProperty(voice, level.encode());
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".voice-levels", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        levels.store(w, "learned voice levels (VoiceLevels): a cache, safe to delete");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot keep voice levels in {}: {}", file, e.toString());
    }
  }

  private Properties read() {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      // no run has learned a level yet
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("ignoring unreadable voice levels in {}: {}", file, e.toString());
    }
    return p;
  }

  @Override
  public String toString() {
    return "FileVoiceLevelStore[" + file + "]";
  }
}
