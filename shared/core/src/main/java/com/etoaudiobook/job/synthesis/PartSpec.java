package com.etoaudiobook.job.synthesis;

import com.etoaudiobook.lexicon.Lexicon;

/**
 * The unit of synthesis, and the synthesis queue's message body.
 *
 * @param jobId     the job
 * @param index     part index within the job, from 0
 * @param segment   segment index within the book
 * @param textStart offset of this part's text in the segment text
 * @param text      what to speak
 * @param role      the speaking role
 * @param delivery  the segment's delivery, or null
 * @param voiceId   voice
 * @param engine    engine variant or null
 * @param rate      rate multiplier
 * @param pitch     pitch shift in percent
 * @param cacheKey  content hash of everything that shapes the audio
 * @param lexicon   the book's pronunciations that apply to this text (null or empty when none)
 */
public record PartSpec(String jobId, int index, int segment, int textStart, String text, String role,
                       String delivery, String voiceId, String engine, double rate, int pitch,
                       String cacheKey, Lexicon lexicon) {
  public PartSpec(String jobId, int index, int segment, int textStart, String text, String role,
                  String delivery, String voiceId, String engine, double rate, int pitch, String cacheKey) {
    this(jobId, index, segment, textStart, text, role, delivery, voiceId, engine, rate, pitch, cacheKey, null);
  }
}
