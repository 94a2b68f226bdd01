package com.etoaudiobook.job.assembly;

import com.etoaudiobook.audio.Id3Tag;
import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Chapter;
import com.etoaudiobook.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each chapter starts and ends in the audiobook (for the ID3 chapter frames and the manifest),
 * and chapters.json, their list.
 */
final class ChapterMarks {
  private ChapterMarks() {
  }

  /** The chapters that have audio, each ending where the next starts (the last at the book's end). */
  static List<Id3Tag.ChapterMark> of(Book book, Timeline timeline) {
    List<Id3Tag.ChapterMark> marks = new ArrayList<>();
    List<Chapter> chs = book.chapters();
    List<long[]> starts = new ArrayList<>();
    for (Chapter c : chs) {
      long s = timeline.chapterStartMs(c.index());
      if (s >= 0) {
        starts.add(new long[] {c.index(), s});
      }
    }
    for (int i = 0; i < starts.size(); i++) {
      long end = i + 1 < starts.size() ? starts.get(i + 1)[1] : timeline.durationMs();
      marks.add(new Id3Tag.ChapterMark(chs.get((int) starts.get(i)[0]).title(), starts.get(i)[1], end));
    }
    return marks;
  }

  /** chapters.json: [{index, title, startMs, endMs}]. */
  static byte[] chaptersJson(List<Id3Tag.ChapterMark> chapters) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < chapters.size(); i++) {
      Id3Tag.ChapterMark c = chapters.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", i);
      m.put("title", c.title());
      m.put("startMs", c.startMs());
      m.put("endMs", c.endMs());
      list.add(m);
    }
    return Json.write(list);
  }
}
