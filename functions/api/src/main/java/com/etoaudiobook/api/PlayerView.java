package com.etoaudiobook.api;

import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.UnaryOperator;

/**
 * The player's view of a finished job's manifest ({@code GET /api/jobs/{id}/segments}). Chapters carry
 * their book index, first segment and segment count, so the player can show titles and a whole-book
 * timeline from the outline alone; with a chapter only that chapter's segments (words included) are
 * sent, so a novel opens with one chapter's worth of JSON and presigned links.
 */
final class PlayerView {
  private PlayerView() {
  }

  /**
   * @param chapter a book chapter index, or null for every segment
   * @param link    the segment's audio file name (relative to out/) → a URL the browser can fetch
   * @throws ApiException 404 when the job has no such chapter
   */
  static ObjectNode of(String jobId, JsonNode manifest, Integer chapter, UnaryOperator<String> link) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("jobId", jobId);
    out.put("title", manifest.path("title").asText());
    if (manifest.hasNonNull("author")) {
      out.set("author", manifest.get("author"));
    }
    out.put("durationMs", manifest.path("durationMs").asLong());
    JsonNode all = manifest.path("segments");
    out.put("segmentCount", all.size());
    ArrayNode chapters = out.putArray("chapters");
    int chosen = -1;
    // The manifest lists the chapters that have segments, in order: its i-th is the i-th distinct chapter of the segments.
    for (int i = 0, c = 0; i < all.size(); i++) {
      int index = all.get(i).path("chapter").asInt();
      if (i == 0 || index != all.get(i - 1).path("chapter").asInt()) {
        JsonNode mark = manifest.path("chapters").path(c++);
        ObjectNode ch = mark.isObject() ? ((ObjectNode) mark).deepCopy() : Json.MAPPER.createObjectNode();
        chapters.add(ch.put("index", index).put("firstSegment", i).put("segments", 0));
        chosen = chosen < 0 && chapter != null && index >= chapter ? index : chosen;
      }
      ObjectNode last = (ObjectNode) chapters.get(chapters.size() - 1);
      last.put("segments", last.path("segments").asInt() + 1);
    }
    if (chapter != null && chosen < 0) {
      throw ApiException.notFound("Job " + jobId + " has no chapter " + chapter + " or later");
    }
    if (chapter != null) {
      out.put("chapter", chosen);
    }
    ArrayNode segments = out.putArray("segments");
    for (JsonNode s : all) {
      if (chapter == null || s.path("chapter").asInt() == chosen) {
        ObjectNode seg = (ObjectNode) s; // the manifest was read for this request alone
        seg.put("audioUrl", link.apply(seg.remove("audio").asText()));
        segments.add(seg);
      }
    }
    return out;
  }
}
