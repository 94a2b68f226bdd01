package com.etoaudiobook.book;

import java.util.List;

/** A titled run of segments. */
public record Chapter(int index, String title, List<Segment> segments) {
  public Chapter {
    segments = List.copyOf(segments);
  }

  public int characters() {
    return segments.stream().mapToInt(s -> s.text().length()).sum();
  }
}
