package com.etoaudiobook.book;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProseRolesTest {
  @Test
  void everySegmentRoleIsAListedRoleWhateverTheCaseOfItsFirstMention() {
    String text = "DAISY MILLER: A STUDY\n\nShe looked up.\n\n\"I am going out,\" said Daisy Miller.\n\n"
        + "\"Are you?\" asked Winterbourne.\n\n\"Yes,\" said Daisy Miller. \"Right now.\"\n\n"
        + "Winterbourne smiled. \"Then go,\" he said.\n";
    Book book = new ScriptParser().parse("novel.txt", text.getBytes(StandardCharsets.UTF_8));
    Set<String> roles = book.roles().stream().map(Role::name).collect(Collectors.toSet());
    book.segments().forEach(s -> assertTrue(roles.contains(s.role()), s.role() + " not in " + roles));
    assertEquals(roles.size(), book.roles().size());
  }
}
