package com.etoaudiobook.api;

import com.etoaudiobook.aws.testing.Fixtures;
import com.etoaudiobook.job.RecordingQueue;
import com.etoaudiobook.voice.Voice;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/voices answers are rendered once per catalog list and filter, by Micronaut's cache. */
class VoiceListingsTest {
  @TempDir
  Path dir;

  @Test
  void oneRenderingPerListAndFilter() {
    try (ApplicationContext beans = Fixtures.context(dir, new RecordingQueue(), Map.of())) {
      VoiceListings listings = beans.getBean(VoiceListings.class);
      List<Voice> list = beans.getBean(com.etoaudiobook.aws.VoiceCatalog.class).voices();
      VoiceListings.Listing en = listings.render(list, System.identityHashCode(list), "en", "", "", "");
      assertSame(en, listings.render(list, System.identityHashCode(list), "en", "", "", ""), "cached");
      assertNotSame(en, listings.render(list, System.identityHashCode(list), "fr", "", "", ""), "another filter");
      List<Voice> reloaded = new ArrayList<>(list);
      VoiceListings.Listing again = listings.render(reloaded, System.identityHashCode(reloaded), "en", "", "", "");
      assertNotSame(en, again, "a reloaded catalog renders anew");
      assertTrue(new String(again.json()).contains("\"count\""));
    }
  }
}
