package com.etoaudiobook.aws;

import com.etoaudiobook.audio.Mp3Encoder;
import com.etoaudiobook.aws.testing.FakePolly;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.lexicon.Lexicon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Polly honours the lexicon with SSML phoneme and sub elements, and its marks still name the written words. */
class PollyLexiconTest {
  static FakePolly polly;
  static PollyEngine engine;

  @BeforeAll
  static void start() throws Exception {
    polly = new FakePolly(new Mp3Encoder().encode(new short[11025], 22050));
    AwsSettings aws = new AwsSettings("us-east-1", null, null, polly.endpoint(), false, "local", "local");
    engine = new PollyEngine(AwsClients.polly(aws, 3, Duration.ofMillis(1), Duration.ofMillis(10)), "neural", List.of());
  }

  @AfterAll
  static void stop() {
    polly.close();
  }

  @Test
  void entriesBecomePhonemeAndSubElementsAroundTheWrittenWords() throws Exception {
    String text = "Ahab & Zoë met Giovanelli, then AHAB left.";
    Lexicon lexicon = new Lexicon(List.of(Lexicon.Entry.ipa("Ahab", "ˈeɪhæb"),
        Lexicon.Entry.respelled("Giovanelli", "jo-va-NEL-lee"), Lexicon.Entry.respelled("Ishmael", "ISH-mail")));
    Speech speech = engine.synthesize(new SpeechRequest(text, "Joanna", null, 1.0, 0).withLexicon(lexicon));

    String ssml = polly.speechCalls().get(0).body().get("Text").asText();
    assertEquals("ssml", polly.speechCalls().get(0).body().get("TextType").asText(), "a lexicon alone makes it SSML");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(ssml.getBytes(StandardCharsets.UTF_8)));
    assertEquals(text, doc.getDocumentElement().getTextContent(), "well-formed, the written text inside: " + ssml);
    Element phoneme = (Element) doc.getElementsByTagName("phoneme").item(0);
    assertEquals("ipa", phoneme.getAttribute("alphabet"));
    assertEquals("ˈeɪhæb", phoneme.getAttribute("ph"));
    assertEquals(2, doc.getElementsByTagName("phoneme").getLength(), "both spellings of Ahab");
    assertEquals("jo-va-NEL-lee", ((Element) doc.getElementsByTagName("sub").item(0)).getAttribute("alias"));
    assertTrue(!ssml.contains("ISH-mail"), "an entry whose word is not in the text is not sent");
    assertTrue(!ssml.contains("<prosody"), "no empty prosody");

    List<String> words = speech.marks().stream().filter(m -> m.type().equals("word"))
        .map(m -> text.substring(m.start(), m.end())).toList();
    assertTrue(words.containsAll(List.of("Ahab", "Zoë", "Giovanelli", "AHAB")), words.toString());
    Speech.Mark sentence = speech.marks().get(0);
    assertEquals(text, text.substring(sentence.start(), sentence.end()));
  }
}
