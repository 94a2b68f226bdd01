package com.etoaudiobook.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a line is said, read from a script's free-text delivery ("whispering", "low, patient",
 * "thought", "sadly") and turned into what engines can render: a rate, a pitch shift and pitch
 * range, a whisper, and a loudness offset that the loudness step applies (an engine's own volume
 * would be undone by normalisation). Words outside the documented set are read plainly and listed.
 *
 * <pre>
 *   whisper…                 whispered, 6 LU quieter, a little slower
 *   shout… yell… scream…     4 LU louder, higher, wider pitch range, faster
 *   thought, think…, inner   3 LU quieter, a little slower and lower (an inner voice)
 *   low, quiet…, soft…,      3 LU quieter, lower
 *   murmur…, mutter…
 *   sad…, sorrow…, mourn…    slower, lower, narrow range, 2 LU quieter
 *   angr…, furious…          faster, higher, wide range, 2 LU louder
 *   excit…, eager…, happ…    faster, higher, wide range
 *   fast, quick…, hurr…      faster
 *   slow…, patient…, calm…   slower
 *   spoken, aloud, normal…   plain speech, on purpose
 * </pre>
 *
 * @param rate        speaking-rate multiplier
 * @param pitch       pitch shift, in the percent units of {@link SpeechRequest#pitch()}
 * @param range       pitch range 0..100 (eSpeak NG's 50 is neutral)
 * @param loudnessLu  offset from the loudness target
 * @param whisper     whispered (eSpeak NG's whisper variant, Polly's whispered effect)
 * @param plain       words of the delivery that change nothing
 */
public record Delivery(double rate, int pitch, int range, double loudnessLu, boolean whisper, List<String> plain) {
  public static final Delivery PLAIN = new Delivery(1.0, 0, 50, 0, false, List.of());

  private record Rule(String[] stems, double rate, int pitch, int range, double loudnessLu, boolean whisper) {
  }

  private static final List<Rule> RULES = List.of(
      new Rule(new String[] {"whisper"}, 0.95, 0, 50, -6, true),
      new Rule(new String[] {"shout", "yell", "scream", "cry out", "bellow"}, 1.05, 15, 80, 4, false),
      new Rule(new String[] {"thought", "think", "inner", "to self", "to herself", "to himself"}, 0.95, -5, 40, -3, false),
      new Rule(new String[] {"low", "quiet", "soft", "murmur", "mutter", "hush"}, 1.0, -8, 45, -3, false),
      new Rule(new String[] {"sad", "sorrow", "mourn", "tearful", "grief"}, 0.85, -10, 30, -2, false),
      new Rule(new String[] {"angr", "furious", "rage", "snap", "harsh"}, 1.1, 5, 80, 2, false),
      new Rule(new String[] {"excit", "eager", "happ", "joy", "cheer", "bright"}, 1.12, 10, 80, 0, false),
      new Rule(new String[] {"fast", "quick", "hurr", "rushed", "breathless"}, 1.2, 0, 50, 0, false),
      new Rule(new String[] {"slow", "patient", "calm", "measured", "gentle"}, 0.9, 0, 50, 0, false),
      new Rule(new String[] {"spoken", "aloud", "normal", "plain", "said"}, 1.0, 0, 50, 0, false));

  /** The delivery of a script's parenthetical; {@link #PLAIN} for null or blank. */
  public static Delivery of(String text) {
    if (text == null || text.isBlank()) {
      return PLAIN;
    }
    double rate = 1.0, loudness = 0;
    int pitch = 0, range = 50;
    boolean whisper = false;
    List<String> plain = new ArrayList<>();
    Set<Rule> applied = new LinkedHashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[,;/]|\\s+and\\s+")) {
      String w = word.strip();
      if (w.isEmpty()) {
        continue;
      }
      Rule rule = RULES.stream().filter(r -> matches(w, r)).findFirst().orElse(null);
      if (rule == null) {
        plain.add(w);
      } else if (applied.add(rule)) { // "low, low" is said once
        rate *= rule.rate();
        pitch += rule.pitch();
        range = Math.abs(rule.range() - 50) > Math.abs(range - 50) ? rule.range() : range;
        loudness += rule.loudnessLu();
        whisper |= rule.whisper();
      }
    }
    return new Delivery(rate, pitch, range, Math.max(-8, Math.min(4, loudness)), whisper, List.copyOf(plain));
  }

  private static boolean matches(String words, Rule rule) {
    for (String stem : rule.stems()) {
      if (words.equals(stem) || words.startsWith(stem) || words.contains(" " + stem)) {
        return true;
      }
    }
    return false;
  }

  /** Whether anything of it is heard. */
  public boolean changesSound() {
    return rate != 1.0 || pitch != 0 || range != 50 || loudnessLu != 0 || whisper;
  }
}
