package com.etoaudiobook.api;

import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The player's view of a finished job's manifest ({@code GET /api/jobs/{id}/segments}). Chapters carry
 * their book index, first segment and segment count, so the player can show titles and a whole-book
 * timeline from the outline alone; with a chapter only that chapter's segments (words included) are
 * sent, so a novel opens with one chapter's worth of JSON and presigned links.
 */
final class PlayerView {
  private static final TypeReference<List<long[]>> MARKS = new TypeReference<>() {
  };

  private PlayerView() {
  }

  /**
   * @param chapter a book chapter index, or null for every segment
   * @param link    the segment's audio file name (relative to out/) → a URL the browser can fetch
   * @throws ApiException 404 when the job has no such chapter
   */
  static SegmentsView of(String jobId, JsonNode manifest, Integer chapter, UnaryOperator<String> link) {
    JsonNode all = manifest.path("segments");
    List<SegmentsView.ChapterOutline> chapters = new ArrayList<>();
    int chosen = -1;
    // The manifest lists the chapters that have segments, in order: its i-th is the i-th distinct chapter of the segments.
    for (int i = 0, first = 0; i < all.size(); i++) {
      int index = all.get(i).path("chapter").asInt();
      boolean last = i + 1 == all.size() || all.get(i + 1).path("chapter").asInt() != index;
      if (last) {
        JsonNode mark = manifest.path("chapters").path(chapters.size());
        chapters.add(new SegmentsView.ChapterOutline(mark.path("title").asText(null), mark.path("startMs").asLong(),
            mark.path("endMs").asLong(), index, first, i + 1 - first));
        chosen = chosen < 0 && chapter != null && index >= chapter ? index : chosen;
        first = i + 1;
      }
    }
    if (chapter != null && chosen < 0) {
      throw ApiException.notFound("Job " + jobId + " has no chapter " + chapter + " or later");
    }
    List<SegmentsView.PlayerSegment> segments = new ArrayList<>();
    for (JsonNode s : all) {
      if (chapter == null || s.path("chapter").asInt() == chosen) {
        segments.add(new SegmentsView.PlayerSegment(s.path("index").asInt(), s.path("chapter").asInt(),
            s.path("role").asText(), text(s, "delivery"), text(s, "voice"), s.path("text").asText(),
            s.path("startMs").asLong(), s.path("endMs").asLong(), marks(s, "words"), marks(s, "sentences"),
            link.apply(s.path("audio").asText())));
      }
    }
    return new SegmentsView(jobId, manifest.path("title").asText(), text(manifest, "author"),
        manifest.path("durationMs").asLong(), all.size(), chapters, chapter == null ? null : chosen, segments, null);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static List<long[]> marks(JsonNode node, String field) {
    return node.has(field) ? Json.MAPPER.convertValue(node.get(field), MARKS) : List.of();
  }
}
