package com.etoaudiobook.api;

import java.util.List;

/** {@code POST /api/synthesize} answered as JSON, as the original API did: one MP3 per segment, in order. */
record SynthesizedSegments(List<SegmentAudio> audioSegments) {
  /** @param audio the segment's MP3, base64 */
  record SegmentAudio(String role, String text, String audio) {
  }
}
