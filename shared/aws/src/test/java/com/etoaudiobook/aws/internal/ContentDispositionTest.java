package com.etoaudiobook.aws.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentDispositionTest {
  @Test
  void aHostileDownloadNameCannotBreakTheHeaderOrNameAFolder() {
    String cd = ContentDisposition.attachment("../\"evil\"\r\n;x=1.mp3");
    assertFalse(cd.contains("\r") || cd.contains("\n") || cd.contains("../"), cd);
    assertTrue(cd.startsWith("attachment; filename=\""), cd);
  }
}
