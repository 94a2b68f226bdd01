package com.etoaudiobook.api;

import com.etoaudiobook.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The segments endpoint's view of a manifest: chapter indexes that match the segments, and one chapter at a time. */
class PlayerViewTest {
  // Book chapter 0 has no segments (a title page), so the manifest's chapters start at book chapter 1.
  static final String MANIFEST = """
      {"title":"Alice","author":"L. Carroll","durationMs":9000,
       "chapters":[{"title":"Down the Rabbit-Hole","startMs":0,"endMs":5000},{"title":"The Pool of Tears","startMs":5000,"endMs":9000}],
       "segments":[
        {"index":0,"chapter":1,"role":"Narrator","text":"a","startMs":0,"endMs":2000,"audio":"segments/000000.mp3","words":[[0,1,0]]},
        {"index":1,"chapter":1,"role":"Alice","text":"b","startMs":2000,"endMs":5000,"audio":"segments/000001.mp3","words":[]},
        {"index":2,"chapter":2,"role":"Narrator","text":"c","startMs":5000,"endMs":9000,"audio":"segments/000002.mp3","words":[]}]}
      """;

  static JsonNode view(Integer chapter) throws Exception {
    return Json.MAPPER.valueToTree(PlayerView.of("j1", Json.MAPPER.readTree(MANIFEST), chapter, audio -> "https://s3/" + audio));
  }

  @Test
  void chaptersCarryTheBookIndexTheSegmentsUse() throws Exception {
    JsonNode v = view(null);
    assertEquals("L. Carroll", v.get("author").asText());
    assertEquals(3, v.get("segmentCount").asInt());
    JsonNode first = v.get("chapters").get(0);
    assertEquals(1, first.get("index").asInt());
    assertEquals("Down the Rabbit-Hole", first.get("title").asText());
    assertEquals(0, first.get("firstSegment").asInt());
    assertEquals(2, first.get("segments").asInt());
    JsonNode second = v.get("chapters").get(1);
    assertEquals(2, second.get("index").asInt());
    assertEquals("The Pool of Tears", second.get("title").asText());
    assertEquals(2, second.get("firstSegment").asInt());
    assertEquals(5000, second.get("startMs").asInt());
    assertEquals(3, v.get("segments").size());
    assertEquals("https://s3/segments/000001.mp3", v.get("segments").get(1).get("audioUrl").asText());
    assertFalse(v.get("segments").get(1).has("audio"));
  }

  @Test
  void oneChapterSendsOnlyItsSegmentsButTheWholeOutline() throws Exception {
    JsonNode v = view(2);
    assertEquals(2, v.get("chapters").size());
    assertEquals(1, v.get("segments").size());
    assertEquals(2, v.get("segments").get(0).get("index").asInt());
    assertEquals(9000, v.get("durationMs").asInt());
  }

  @Test
  void aChapterWithoutSegmentsGivesTheNextOneAndNoneAfterTheLastIsNotFound() throws Exception {
    JsonNode v = view(0);
    assertEquals(1, v.get("chapter").asInt());
    assertEquals(2, v.get("segments").size());
    assertEquals(1, v.get("segments").get(1).get("chapter").asInt());
    ApiException e = assertThrows(ApiException.class, () -> view(3));
    assertEquals(404, e.status().getCode());
  }
}
