package com.etoaudiobook.api;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.job.pricing.Pricing;
import com.etoaudiobook.voice.Casting;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * A parsed book as the API shows it ({@code POST /api/books}, {@code GET} and {@code PATCH /api/books/{id}}).
 *
 * @param version the book's version (1 as parsed; every edit adds one): a PATCH's baseVersion
 * @param cover   the cover's URL (same origin), or null when the file had none
 * @param casting the voices an automatic casting gives each role
 * @param cost    what a job with that casting would cost
 * @param prices  engine → USD per million characters
 */
record BookView(String id, int version, Book book, Stats stats, @Nullable String cover,
                Map<String, Casting.Assignment> casting, Pricing.Estimate cost, Map<String, Double> prices) {
  /** @param estimatedMinutes listening time at 155 words a minute */
  record Stats(int chapters, int segments, int roles, int characters, long words, double estimatedMinutes) {
  }
}
