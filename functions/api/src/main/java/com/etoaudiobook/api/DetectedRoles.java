package com.etoaudiobook.api;

import com.etoaudiobook.book.Role;
import com.etoaudiobook.book.Segment;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** {@code POST /api/detect-roles}: a script's roles and segments, parsed but not stored. */
record DetectedRoles(String title, List<Role> roles, List<Segment> segments, List<ChapterSummary> chapters,
                     @Nullable List<String> warnings) {
  /** @param segments how many segments the chapter has */
  record ChapterSummary(int index, String title, int segments) {
  }
}
