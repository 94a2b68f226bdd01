package com.etoaudiobook.engine.espeak;

import com.etoaudiobook.engine.Delivery;
import com.etoaudiobook.engine.Speech;
import com.etoaudiobook.engine.SpeechEngine;
import com.etoaudiobook.engine.SpeechException;
import com.etoaudiobook.engine.SpeechRequest;
import com.etoaudiobook.voice.Voice;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Local speech through libespeak-ng (JNA). libespeak-ng keeps global state and crashes the JVM
 * when two threads are inside it, so there is one engine per process and every native call
 * holds {@link #LOCK}; concurrent callers simply queue.
 */
public final class EspeakEngine implements SpeechEngine {
  public static final String PROVIDER = "espeak";
  public static final int MAX_CHARACTERS = 3000;
  static final String NOT_INSTALLED =
      "eSpeak NG is not installed: apt-get install libespeak-ng1 espeak-ng-data";

  /** English voices that also get gender variants, so casting can vary voices. */
  private static final List<String> VARIANT_BASES = List.of("en", "en-us", "en-gb-x-rp");
  private static final List<String> OFFERED_VARIANTS =
      List.of("f1", "f2", "f3", "f4", "f5", "m1", "m2", "m3", "m4", "m5", "m6", "m7");

  /** Without this flag espeak_Initialize calls exit(1), killing the JVM, when data is missing. */
  private static final int INITIALIZE_DONT_EXIT = 0x8000;
  /** Audio per callback, in ms: larger means fewer JNA up-calls. */
  private static final int BUFFER_MS = 300;

  private static final Object LOCK = new Object();
  private static EspeakEngine instance; // guarded by LOCK
  private static Collector current; // guarded by LOCK: the synthesis the callback feeds
  /**
   * Guarded by LOCK: the samples of the synthesis under way, kept from part to part (a part's worth
   * of new array, zeroed, each time was most of the engine's allocation), unless a long part grew it
   * past {@link #KEEP_SAMPLES}.
   */
  private static short[] samples = new short[1 << 16];
  private static final int KEEP_SAMPLES = 1 << 21;
  /** Static so the native side's function pointer is never garbage collected. */
  private static final EspeakLibrary.SynthCallback CALLBACK = EspeakEngine::onSynth;

  private final EspeakLibrary lib;
  private final int sampleRate;
  private final List<Voice> voices;
  /** Lower-case voice id or first language ("en-gb") → espeak identifier ("gmw/en"). */
  private final Map<String, String> identifiers;
  /** Lower-case variant name → name as installed ("f3", "Mr serious"). */
  private final Map<String, String> variants;

  private EspeakEngine(EspeakLibrary lib, int sampleRate) {
    this.lib = lib;
    this.sampleRate = sampleRate;
    this.variants = listVariants(lib);
    this.identifiers = new HashMap<>();
    this.voices = listVoices(lib, sampleRate, variants, identifiers);
  }

  /** The process-wide engine; loads and initializes libespeak-ng on first use. */
  public static EspeakEngine instance() {
    synchronized (LOCK) {
      if (instance == null) {
        EspeakLibrary lib = load();
        int rate = lib.espeak_Initialize(EspeakLibrary.AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MS, null,
            INITIALIZE_DONT_EXIT);
        if (rate <= 0) {
          throw new IllegalStateException(NOT_INSTALLED + " (espeak_Initialize failed)");
        }
        lib.espeak_SetSynthCallback(CALLBACK);
        EspeakEngine engine = new EspeakEngine(lib, rate);
        // With DONT_EXIT, missing data still reports a sample rate; no voices gives it away.
        if (engine.voices.isEmpty()) {
          throw new IllegalStateException(NOT_INSTALLED + " (no voices in espeak-ng-data)");
        }
        instance = engine;
      }
      return instance;
    }
  }

  private static EspeakLibrary load() {
    LinkageError last = null;
    // The soname first: the runtime package (libespeak-ng1) installs only it, and a failed
    // "espeak-ng" makes JNA list every library folder (1,400 files) before it tries the next name.
    // The unversioned name (the -dev package's link, or macOS's dylib) after it.
    for (String name : List.of("libespeak-ng.so.1", "espeak-ng")) {
      try {
        return Native.load(name, EspeakLibrary.class);
      } catch (LinkageError e) {
        last = e;
      }
    }
    throw new IllegalStateException(NOT_INSTALLED, last);
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public List<Voice> voices() {
    return voices;
  }

  @Override
  public int maxCharacters() {
    return MAX_CHARACTERS;
  }

  /** Sample rate libespeak-ng reported (22050). */
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public Speech synthesize(SpeechRequest request) {
    Objects.requireNonNull(request, "request");
    Delivery delivery = Delivery.of(request.delivery());
    String espeakName = resolve(request.voiceId());
    if (delivery.whisper()) {
      // one variant per voice: a whisper replaces the voice's own, keeping a female voice female
      int plus = espeakName.indexOf('+');
      boolean female = plus >= 0 && espeakName.substring(plus + 1).toLowerCase(Locale.ROOT).startsWith("f");
      String whisper = variants.get(female && variants.containsKey("whisperf") ? "whisperf" : "whisper");
      if (whisper != null) {
        espeakName = (plus < 0 ? espeakName : espeakName.substring(0, plus)) + "+" + whisper;
      }
    }
    // A NUL would end the C string early; a space keeps every offset unchanged.
    String text = request.text() == null ? "" : request.text().replace('\0', ' ');
    // the lexicon's words are read as respelled (or as phonemes); marks still name the words as written
    EspeakPronunciation.Applied said = EspeakPronunciation.apply(text, request.lexicon());
    text = said.text().spoken();
    byte[] utf8 = (text + '\0').getBytes(StandardCharsets.UTF_8);
    double multiplier = (request.rate() > 0 ? request.rate() : 1.0) * delivery.rate();
    int rate = clamp((int) Math.round(175 * multiplier), 80, 450);
    int pitch = clamp(50 + request.pitch() + delivery.pitch(), 0, 99);

    Collector collector = new Collector();
    short[] pcm;
    synchronized (LOCK) {
      collector.samples = samples;
      if (lib.espeak_SetVoiceByName(espeakName) != EspeakLibrary.EE_OK) {
        throw unknownVoice(request.voiceId());
      }
      lib.espeak_SetParameter(EspeakLibrary.PARAM_RATE, rate, 0);
      lib.espeak_SetParameter(EspeakLibrary.PARAM_PITCH, pitch, 0);
      lib.espeak_SetParameter(EspeakLibrary.PARAM_RANGE, clamp(delivery.range(), 0, 100), 0);
      int rc;
      current = collector;
      try {
        rc = lib.espeak_Synth(utf8, utf8.length, 0, EspeakLibrary.POS_CHARACTER, 0,
            EspeakLibrary.CHARS_UTF8 | (said.phonemes() ? EspeakLibrary.PHONEMES : 0), null, null);
      } finally {
        current = null;
      }
      if (collector.error != null) {
        throw new SpeechException("eSpeak synthesis failed", false, collector.error);
      }
      if (rc != EspeakLibrary.EE_OK) {
        throw new SpeechException("eSpeak synthesis failed with code " + rc,
            rc == EspeakLibrary.EE_BUFFER_FULL, null);
      }
      pcm = collector.pcm();
      if (collector.samples.length <= KEEP_SAMPLES) {
        samples = collector.samples;
      }
    }
    List<Speech.Mark> marks = said.text().toOriginal(EspeakMarks.of(text, collector.events));
    return new Speech(pcm, null, sampleRate, marks, 0);
  }

  /**
   * Maps a voice id to the name espeak_SetVoiceByName takes. Accepts the ids of {@link #voices()},
   * any base voice with any installed variant ("en+m8"), and a voice's language ("en-gb").
   */
  private String resolve(String voiceId) {
    if (voiceId == null) {
      throw unknownVoice(null);
    }
    String id = voiceId.trim().toLowerCase(Locale.ROOT);
    int plus = id.indexOf('+');
    String identifier = identifiers.get(plus < 0 ? id : id.substring(0, plus));
    if (identifier == null) {
      throw unknownVoice(voiceId);
    }
    if (plus < 0) {
      return identifier;
    }
    // espeak silently ignores an unknown variant, so it is checked here.
    String variant = variants.get(id.substring(plus + 1));
    if (variant == null) {
      throw unknownVoice(voiceId);
    }
    return identifier + "+" + variant;
  }

  private static SpeechException unknownVoice(String voiceId) {
    return new SpeechException("Unknown eSpeak voice: " + voiceId, false, null);
  }

  // --- synthesis callback ----------------------------------------------------------------------

  /** Runs on the synthesizing thread (synchronous mode), so it holds LOCK already. */
  private static int onSynth(Pointer wav, int numSamples, Pointer events) {
    Collector c = current;
    if (c == null) {
      return 0;
    }
    try {
      if (wav != null && numSamples > 0) {
        c.addSamples(wav, numSamples);
      }
      if (events != null) {
        for (long off = 0; ; off += EspeakLibrary.EVENT_SIZE) {
          int type = events.getInt(off);
          if (type == EspeakLibrary.EVENT_LIST_TERMINATED) {
            break;
          }
          if (type == EspeakLibrary.EVENT_WORD || type == EspeakLibrary.EVENT_SENTENCE) {
            c.events.add(new EspeakMarks.RawEvent(type,
                events.getInt(off + EspeakLibrary.EVENT_TEXT_POSITION),
                events.getInt(off + EspeakLibrary.EVENT_LENGTH),
                events.getInt(off + EspeakLibrary.EVENT_AUDIO_POSITION)));
          }
        }
      }
      return 0;
    } catch (Throwable t) {
      // An exception must not cross into C; remember it and ask espeak to stop.
      c.error = t;
      return 1;
    }
  }


  private static final class Collector {
    short[] samples;
    int size;
    final List<EspeakMarks.RawEvent> events = new ArrayList<>();
    Throwable error;

    void addSamples(Pointer wav, int n) {
      if (size + n > samples.length) {
        samples = Arrays.copyOf(samples, Math.max(size + n, samples.length * 2));
      }
      wav.read(0, samples, size, n);
      size += n;
    }

    short[] pcm() {
      return Arrays.copyOf(samples, size);
    }
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  // --- voices ----------------------------------------------------------------------------------

  private static Map<String, String> listVariants(EspeakLibrary lib) {
    // Variants are the voices whose language is "variant"; espeak_ListVoices(NULL) omits them.
    Memory language = new Memory(8);
    language.setString(0, "variant", StandardCharsets.US_ASCII.name());
    Memory spec = new Memory(EspeakLibrary.VOICE_SIZE);
    spec.clear();
    spec.setPointer(EspeakLibrary.VOICE_LANGUAGES, language);
    Map<String, String> variants = new HashMap<>();
    for (NativeVoice v : readVoices(lib.espeak_ListVoices(spec))) {
      if (v.identifier().startsWith("!v/")) {
        String name = v.identifier().substring(3);
        variants.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      }
    }
    return variants;
  }

  private static List<Voice> listVoices(EspeakLibrary lib, int sampleRate,
                                        Map<String, String> variants,
                                        Map<String, String> identifiers) {
    List<String> engines = List.of(PROVIDER);
    List<Voice> voices = new ArrayList<>();
    Map<String, String> byLanguage = new LinkedHashMap<>();
    for (NativeVoice v : readVoices(lib.espeak_ListVoices(null))) {
      String identifier = v.identifier();
      String id = identifier.substring(identifier.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      String language = bcp47(v.language());
      String name = v.name().isBlank() ? id : v.name().trim();
      String gender = switch (v.gender()) {
        case 1 -> "male";
        case 2 -> "female";
        default -> "neutral";
      };
      identifiers.put(id, identifier);
      byLanguage.putIfAbsent(v.language().toLowerCase(Locale.ROOT), identifier);
      voices.add(new Voice(id, name, language, name, gender, engines, sampleRate, PROVIDER));
      if (VARIANT_BASES.contains(id)) {
        for (String variant : OFFERED_VARIANTS) {
          if (variants.containsKey(variant)) {
            String variantGender = variant.startsWith("f") ? "female" : "male";
            voices.add(new Voice(id + "+" + variant,
                name + " · " + variantGender + " " + variant.substring(1),
                language, name, variantGender, engines, sampleRate, PROVIDER));
          }
        }
      }
    }
    // Languages are aliases ("en-gb" → gmw/en) but never shadow a voice id.
    byLanguage.forEach(identifiers::putIfAbsent);
    voices.sort(Comparator.comparing(Voice::language).thenComparing(Voice::id));
    return List.copyOf(voices);
  }

  /** The fields of one espeak_VOICE; language is the first (preferred) of its languages. */
  private record NativeVoice(String name, String language, String identifier, int gender) {
  }

  private static List<NativeVoice> readVoices(Pointer array) {
    List<NativeVoice> result = new ArrayList<>();
    if (array == null) {
      return result;
    }
    for (long i = 0; ; i++) {
      Pointer v = array.getPointer(i * Native.POINTER_SIZE);
      if (v == null) {
        return result;
      }
      Pointer name = v.getPointer(EspeakLibrary.VOICE_NAME);
      Pointer languages = v.getPointer(EspeakLibrary.VOICE_LANGUAGES);
      Pointer identifier = v.getPointer(EspeakLibrary.VOICE_IDENTIFIER);
      if (identifier == null) {
        continue;
      }
      // languages: (priority byte, NUL-terminated name)* then a 0 priority byte.
      String language = "";
      if (languages != null && languages.getByte(0) != 0) {
        language = languages.getString(1, "UTF-8");
      }
      result.add(new NativeVoice(name == null ? "" : name.getString(0, "UTF-8"), language,
          identifier.getString(0, "UTF-8"), v.getByte(EspeakLibrary.VOICE_GENDER) & 0xff));
    }
  }

  /** BCP-47 case conventions: "en-gb-x-rp" → "en-GB-x-rp", "yue-latn" → "yue-Latn". */
  static String bcp47(String espeakLanguage) {
    String[] parts = espeakLanguage.toLowerCase(Locale.ROOT).split("-");
    boolean privateUse = false;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (privateUse) {
        continue;
      }
      if (p.equals("x")) {
        privateUse = true;
      } else if (p.length() == 2 && p.chars().allMatch(Character::isLetter)) {
        parts[i] = p.toUpperCase(Locale.ROOT);
      } else if (p.length() == 4 && p.chars().allMatch(Character::isLetter)) {
        parts[i] = Character.toUpperCase(p.charAt(0)) + p.substring(1);
      }
    }
    return String.join("-", parts);
  }
}
