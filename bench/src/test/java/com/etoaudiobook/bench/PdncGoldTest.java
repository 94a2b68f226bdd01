package com.etoaudiobook.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdncGoldTest {

  @Test
  void csvFieldsMayHoldCommasQuotesAndLineBreaks() {
    List<List<String>> rows = PdncGold.parseCsv("a,\"b, \"\"c\"\"\nd\",e\r\nf,g,h\n");
    assertEquals(List.of(List.of("a", "b, \"c\"\nd", "e"), List.of("f", "g", "h")), rows);
  }

  @Test
  void aliasesArePythonStringLiterals() {
    assertEquals(List.of("Dr. Aziz", "Aziz's friend", "Mahmoud"),
        PdncGold.pythonStrings("{'Dr. Aziz', \"Aziz's friend\", 'Mahmoud'}"));
  }

  @Test
  void readsQuotationsWithTheirSpansAndTheCast(@TempDir Path dir) throws IOException {
    Path quotes = dir.resolve("quotation_info.csv");
    Files.writeString(quotes, """
        quoteID,quoteText,speaker,quoteByteSpans,quoteType
        Q1,"Hello, there",Alice,"[[10, 17], [30, 37]]",Explicit
        Q2,"Bye",The Hatter,"[[50, 55]]",
        """);
    List<PdncGold.Quote> q = PdncGold.readQuotes(quotes);
    assertEquals(2, q.size());
    assertEquals("Alice", q.get(0).speaker());
    assertArrayEquals(new int[] {30, 37}, q.get(0).spans().get(1));
    assertEquals("", q.get(1).type());
    Path cast = dir.resolve("character_info.csv");
    Files.writeString(cast, """
        ,Main Name,Aliases,Gender,Category
        0,Alice,"{'Alice', 'Miss Alice'}",F,major
        """);
    Map<String, List<String>> aliases = PdncGold.readAliases(cast);
    assertEquals(List.of("Alice", "Miss Alice"), aliases.get("Alice"));
  }
}
