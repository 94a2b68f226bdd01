package com.etoaudiobook.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@link FileBlobStore}'s {@link HeadLastUpload}: the body is written once, into the object's
 * temporary file after room left for the head, and the head goes into that room at the end, then
 * the file is renamed into place. A head of another length than announced costs one copy of the
 * body (in the kernel) into a second temporary file.
 */
final class FileHeadLastUpload extends HeadLastUpload {
  private final Path target;
  private final Path temp;
  private final FileChannel file;
  private final OutputStream body;
  private final long room;
  private boolean finished;

  /** @param headLength the head's length, as {@link #close(byte[])} will be given it; -1 when not known */
  FileHeadLastUpload(Path target, int headLength) throws IOException {
    this.target = target;
    this.room = Math.max(0, headLength);
    FileBlobStore.Temp created = FileBlobStore.temp(target);
    this.temp = created.path();
    this.file = created.channel();
    file.position(room);
    this.body = new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16);
  }

  @Override
  public void write(int b) throws IOException {
    body.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    body.write(b, off, len);
  }

  @Override
  public void close(byte[] head) throws IOException {
    if (finished) {
      throw new IOException("upload already finished: " + target);
    }
    finished = true;
    Path written = temp;
    try {
      body.flush();
      if (head.length == room) {
        ByteBuffer h = ByteBuffer.wrap(head);
        for (long at = 0; h.hasRemaining(); ) {
          at += file.write(h, at);
        }
        file.close();
      } else {
        FileBlobStore.Temp copy = FileBlobStore.temp(target);
        written = copy.path();
        try (FileChannel out = copy.channel()) {
          out.write(ByteBuffer.wrap(head));
          long size = file.size();
          for (long at = room; at < size; ) {
            at += file.transferTo(at, size - at, out);
          }
        }
        file.close();
        Files.delete(temp);
      }
      try {
        Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      file.close();
      Files.deleteIfExists(temp);
      Files.deleteIfExists(written);
      throw e;
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
}
