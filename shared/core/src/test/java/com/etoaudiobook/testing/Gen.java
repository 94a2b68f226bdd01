package com.etoaudiobook.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A generator of test inputs from a seeded {@link SplittableRandom}, and {@link #forAll} to run a
 * property over many seeded cases as JUnit dynamic tests (plain JUnit 5, no property-testing library).
 *
 * <p>Every case has its own seed, derived from the property's name and {@code -Dgen.base} (0 unless
 * given, so runs are repeatable; another base explores other cases). A failing case names its seed and
 * the values it drew; {@code -Dgen.seed=<seed>} runs that case alone. There is no shrinking: inputs are
 * shown shortened.
 */
@FunctionalInterface
public interface Gen<T> {

  T next(SplittableRandom random);

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return r -> f.apply(next(r));
  }

  /** Draws until a value passes; fails loudly rather than loop when the filter rejects nearly all. */
  default Gen<T> filter(Predicate<? super T> keep) {
    return r -> {
      for (int i = 0; i < 1_000; i++) {
        T t = next(r);
        if (keep.test(t)) {
          return t;
        }
      }
      throw new IllegalStateException("the filter rejected 1000 values in a row");
    };
  }

  default Gen<List<T>> list(int min, int max) {
    return r -> {
      int n = size(r, min, max);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(next(r));
      }
      return out;
    };
  }

  // ---------------------------------------------------------------- basic generators

  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(List.of(values));
  }

  static <T> Gen<T> of(List<T> values) {
    List<T> copy = List.copyOf(values);
    return r -> copy.get(r.nextInt(copy.size()));
  }

  /** One of the generators, each as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> copy = List.of(gens);
    return r -> copy.get(r.nextInt(copy.size())).next(r);
  }

  /** Alternating weights and generators: {@code frequency(4, a, 1, b)} draws from a four times in five. */
  @SuppressWarnings("unchecked")
  static <T> Gen<T> frequency(Object... weightsAndGens) {
    int n = weightsAndGens.length / 2;
    int[] weights = new int[n];
    List<Gen<? extends T>> gens = new ArrayList<>(n);
    int total = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = (Integer) weightsAndGens[2 * i];
      gens.add((Gen<? extends T>) weightsAndGens[2 * i + 1]);
      total += weights[i];
    }
    int sum = total;
    return r -> {
      int pick = r.nextInt(sum);
      for (int i = 0; ; i++) {
        pick -= weights[i];
        if (pick < 0) {
          return gens.get(i).next(r);
        }
      }
    };
  }

  static Gen<Integer> ints(int min, int max) {
    return r -> (int) r.nextLong(min, (long) max + 1);
  }

  static Gen<Boolean> booleans() {
    return SplittableRandom::nextBoolean;
  }

  static Gen<byte[]> bytes(int min, int max) {
    return r -> {
      byte[] b = new byte[size(r, min, max)];
      r.nextBytes(b);
      return b;
    };
  }

  /** Strings of the given characters. */
  static Gen<String> strings(String chars, int min, int max) {
    return r -> {
      int n = size(r, min, max);
      StringBuilder sb = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        sb.append(chars.charAt(r.nextInt(chars.length())));
      }
      return sb.toString();
    };
  }

  /**
   * Strings of any UTF-16 units: ASCII, controls, Latin-1, the rest of the BMP, lone surrogates, pairs,
   * and the awkward ones (BOM, NUL, line and paragraph separators, non-characters).
   */
  static Gen<String> anyStrings(int min, int max) {
    String awkward = "\u0000\uFEFF\uFFFE\uFFFF\u2028\u2029\u00A0\u00AD\u200B\u0085\r\n\t\u001B";
    return r -> {
      int n = size(r, min, max);
      StringBuilder sb = new StringBuilder(n);
      while (sb.length() < n) {
        int kind = r.nextInt(10);
        if (kind < 4) {
          sb.append((char) r.nextInt(0x20, 0x7F));
        } else if (kind == 4) {
          sb.append((char) r.nextInt(0, 0x20));
        } else if (kind == 5) {
          sb.append((char) r.nextInt(0x80, 0x100));
        } else if (kind == 6) {
          sb.append((char) r.nextInt(0x100, 0x10000));
        } else if (kind == 7) {
          sb.append((char) r.nextInt(0xD800, 0xE000));
        } else if (kind == 8 && sb.length() + 2 <= n) {
          sb.appendCodePoint(r.nextInt(0x10000, 0x110000));
        } else {
          sb.append(awkward.charAt(r.nextInt(awkward.length())));
        }
      }
      return sb.toString();
    };
  }

  /** A size biased to the edges and to small ones, where most bugs are, but reaching the maximum. */
  static int size(SplittableRandom r, int min, int max) {
    if (min == max) {
      return min;
    }
    int kind = r.nextInt(10);
    if (kind == 0) {
      return r.nextBoolean() ? min : max;
    } else if (kind < 5) {
      return r.nextInt(min, Math.min(max, min + 50) + 1);
    }
    return r.nextInt(min, max + 1);
  }

  // ---------------------------------------------------------------- running a property

  /** What a case draws its values from; remembers them to show them when the case fails. */
  final class Draw {
    private final SplittableRandom random;
    private final List<String> drawn = new ArrayList<>();

    Draw(long seed) {
      this.random = new SplittableRandom(seed);
    }

    public <T> T draw(String label, Gen<T> gen) {
      T value = gen.next(random);
      drawn.add(label + " = " + show(value));
      return value;
    }

    String drawn() {
      return String.join(", ", drawn);
    }
  }

  /**
   * {@code tries} cases of a property, as dynamic tests named by their seeds (for a @TestFactory). A case
   * fails on a failed assertion or on any exception or Error, and its message names the seed and the
   * values drawn. The property is named after the calling factory method.
   */
  static Stream<DynamicTest> forAll(int tries, Consumer<Draw> body) {
    StackWalker.StackFrame caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(frames -> frames.skip(1).findFirst()).orElseThrow();
    String property = caller.getDeclaringClass().getSimpleName() + "#" + caller.getMethodName();
    String only = System.getProperty("gen.seed");
    long[] seeds;
    if (only != null && !only.isBlank()) {
      seeds = new long[] {Long.parseUnsignedLong(only.strip().replaceFirst("^0x", ""), 16)};
    } else {
      long base = Long.getLong("gen.base", 0L);
      SplittableRandom master = new SplittableRandom(base ^ property.hashCode());
      seeds = new long[tries];
      Arrays.setAll(seeds, i -> master.nextLong());
    }
    return Arrays.stream(seeds).mapToObj(seed -> {
      String hex = "0x" + Long.toHexString(seed);
      return DynamicTest.dynamicTest("seed " + hex, () -> {
        Draw d = new Draw(seed);
        try {
          body.accept(d);
        } catch (Throwable t) {
          throw new AssertionError(property + " failed at seed " + hex + " (replay: -Dtest=" + property
              + " -Dgen.seed=" + hex + "): " + t + "\n  drawn: " + d.drawn(), t);
        }
      });
    });
  }

  /** A value, shortened for a failure message: control characters escaped, bytes in hex. */
  static String show(Object value) {
    if (value instanceof byte[] b) {
      StringBuilder sb = new StringBuilder(b.length + " bytes:");
      for (int i = 0; i < Math.min(b.length, 48); i++) {
        sb.append(String.format(" %02x", b[i] & 0xff));
      }
      return sb.append(b.length > 48 ? " …" : "").toString();
    }
    if (value instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < Math.min(l.size(), 8); i++) {
        parts.add(show(l.get(i)));
      }
      return l.size() + " items [" + String.join(", ", parts) + (l.size() > 8 ? ", …" : "") + "]";
    }
    if (value instanceof String s) {
      String shown = s.length() > 200 ? s.substring(0, 200) : s;
      StringBuilder sb = new StringBuilder("\"");
      shown.chars().forEach(c -> {
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate((char) c)) {
          sb.append(String.format("\\u%04x", c));
        } else {
          sb.append((char) c);
        }
      });
      sb.append('"');
      return s.length() > 200 ? sb + "… (" + s.length() + " chars, " + s.getBytes(StandardCharsets.UTF_8).length
          + " UTF-8 bytes)" : sb.toString();
    }
    return String.valueOf(value);
  }
}
