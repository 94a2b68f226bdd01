package com.etoaudiobook.lexicon;

import com.etoaudiobook.json.Json;
import com.etoaudiobook.storage.BlobStore;

/** A book's pronunciations, stored beside it as books/{id}/lexicon.json ({"entries": [...]}). */
public final class BookLexicons {
  private BookLexicons() {
  }

  public static String key(String bookId) {
    return "books/" + bookId + "/lexicon.json";
  }

  /** The book's lexicon, empty when it has none. */
  public static Lexicon read(BlobStore blobs, String bookId) {
    byte[] data = blobs.get(key(bookId));
    return data == null ? Lexicon.EMPTY : Json.read(data, Lexicon.class);
  }

  public static void save(BlobStore blobs, String bookId, Lexicon lexicon) {
    blobs.put(key(bookId), Json.write(lexicon), "application/json");
  }
}
