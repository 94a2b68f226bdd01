package com.etoaudiobook.job.pricing;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.ScriptParser;
import com.etoaudiobook.voice.Casting;
import com.etoaudiobook.voice.Voice;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PricingTest {
  private static final List<Voice> VOICES = List.of(
      new Voice("Joanna", "Joanna", "en-US", "English (US)", "female", List.of("standard", "neural"), 22050, "polly"),
      new Voice("en+m3", "m3", "en", "English", "male", List.of("espeak"), 22050, "espeak"));

  private static Book book() {
    String script = "# Costs\n\n**Ann:** A line that costs money.\n\n**Bob:** Another line, also paid for.\n";
    return new ScriptParser().parse("costs.md", script.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachRoleIsPricedAtItsEnginesListPrice() {
    Casting casting = new Casting(Map.of(
        "Ann", new Casting.Assignment("Joanna", "neural", 1.0, 0),
        "Bob", Casting.Assignment.of("en+m3")));
    Pricing.Estimate e = Pricing.DEFAULT.estimate(book(), casting, VOICES);
    long ann = "A line that costs money.".length();
    long bob = "Another line, also paid for.".length();
    assertEquals(ann + bob, e.characters());
    assertEquals(ann, e.byEngine().get("neural"));
    assertEquals(bob, e.byEngine().get("espeak"));
    assertEquals(Math.round(ann * 16.0 / 1_000_000 * 10000) / 10000.0, e.usd(), 1e-9);
  }

  @Test
  void aRoleWithoutAnEngineGetsTheDefaultEngineItsVoiceHas() {
    Casting casting = new Casting(Map.of("Ann", Casting.Assignment.of("Joanna"), "Bob", Casting.Assignment.of("en+m3")));
    Pricing.Estimate standard = Pricing.DEFAULT.estimate(book(), casting, VOICES, "standard");
    assertEquals("A line that costs money.".length(), standard.byEngine().get("standard"));
    Pricing.Estimate generative = Pricing.DEFAULT.estimate(book(), casting, VOICES, "generative");
    // Joanna has no generative engine here: her first engine is used, as the engine itself would
    assertEquals("A line that costs money.".length(), generative.byEngine().get("standard"));
  }
}
