package com.etoaudiobook.voice;

import com.etoaudiobook.book.Book;
import com.etoaudiobook.book.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives every role a voice: the narrator the steadiest voice of the book's language, the other
 * roles distinct voices of their gender (a neutral or next voice when the gender is unknown),
 * and only when voices of that gender run out a reused one with a shifted pitch so two roles
 * still sound apart.
 */
public final class AutoCaster {
  private static final Set<String> NARRATOR_NAMES = Set.of("narrator", "narration", "_narr");

  private final List<Voice> voices;
  private final List<String> narratorPreference;

  /** @param narratorPreference voice ids preferred for the narrator, best first */
  public AutoCaster(List<Voice> voices, List<String> narratorPreference) {
    this.voices = List.copyOf(voices);
    this.narratorPreference = List.copyOf(narratorPreference);
  }

  public static boolean isNarrator(String role) {
    return NARRATOR_NAMES.contains(role.toLowerCase(Locale.ROOT));
  }

  /**
   * @param overrides role name → voice id chosen by the user; role names match case-insensitively
   * @throws CastingException for an unknown role or voice
   */
  public Casting cast(Book book, Map<String, Casting.Assignment> overrides) {
    Map<String, Role> byKey = new LinkedHashMap<>();
    for (Role r : book.roles()) {
      byKey.put(r.name().toLowerCase(Locale.ROOT), r);
    }
    Map<String, Casting.Assignment> chosen = new LinkedHashMap<>();
    for (var e : overrides.entrySet()) {
      Role role = byKey.get(e.getKey().strip().toLowerCase(Locale.ROOT));
      if (role == null) {
        throw new CastingException("Unknown role '" + e.getKey() + "'. The book's roles are: "
            + book.roles().stream().map(Role::name).collect(Collectors.joining(", ")));
      }
      requireCasting(role.name(), e.getValue());
      chosen.put(role.name(), e.getValue());
    }

    // The automatic casting ignores the overrides, so choosing one role's voice never moves
    // another role to a different voice (and its cached parts stay valid).
    List<Voice> pool = voicesFor(book.language());
    Set<String> used = new LinkedHashSet<>();
    Map<String, Casting.Assignment> result = new LinkedHashMap<>();
    int reuses = 0;
    for (Role role : orderNarratorFirst(book.roles())) {
      if (isNarrator(role.name()) || (book.roles().size() == 1)) {
        Voice v = narratorVoice(pool, used);
        used.add(v.id());
        result.put(role.name(), Casting.Assignment.of(v.id()));
        continue;
      }
      String gender = role.gender() != null ? role.gender() : RoleGender.guess(role.name());
      Voice v = unused(pool, used, gender);
      if (v != null) {
        used.add(v.id());
        result.put(role.name(), Casting.Assignment.of(v.id()));
      } else {
        // Out of voices of the role's gender: reuse one of them with a pitch shift per reuse.
        String g = gender != null ? gender : "neutral";
        List<Voice> same = pool.stream().filter(x -> x.gender().equals(g)).toList();
        List<Voice> from = same.isEmpty() ? pool : same;
        Voice reuse = from.get(reuses % from.size());
        int shift = (reuses / from.size() + 1) * 12 * (reuses % 2 == 0 ? 1 : -1);
        reuses++;
        result.put(role.name(), new Casting.Assignment(reuse.id(), null, 1.0, Math.max(-40, Math.min(40, shift))));
      }
    }
    result.putAll(chosen);
    // keep the book's role order
    Map<String, Casting.Assignment> ordered = new LinkedHashMap<>();
    for (Role r : book.roles()) {
      ordered.put(r.name(), result.get(r.name()));
    }
    return new Casting(ordered);
  }

  /**
   * An unused voice for a role: of its gender while any voice of that gender exists (none left:
   * null, so one is reused rather than a man getting a woman's voice); for an unknown gender a
   * neutral voice first, else the next voice in order, never alternating genders by guess.
   */
  private static Voice unused(List<Voice> pool, Set<String> used, String gender) {
    if (gender != null && pool.stream().anyMatch(x -> x.gender().equals(gender))) {
      return pool.stream().filter(x -> x.gender().equals(gender) && !used.contains(x.id()))
          .findFirst().orElse(null);
    }
    return pool.stream().filter(x -> x.gender().equals("neutral") && !used.contains(x.id()))
        .findFirst()
        .or(() -> pool.stream().filter(x -> !used.contains(x.id())).findFirst())
        .orElse(null);
  }

  /** Checks a casting given whole (e.g. through the API) against the book and the voices. */
  public void validate(Book book, Casting casting) {
    for (var e : casting.roles().entrySet()) {
      if (book.role(e.getKey()) == null) {
        throw new CastingException("Unknown role '" + e.getKey() + "'");
      }
      requireCasting(e.getKey(), e.getValue());
    }
  }

  /** The assignment's voice exists and has the engine asked for: checked when the job is made, not per part. */
  private void requireCasting(String role, Casting.Assignment a) {
    try {
      requireVoice(a.voiceId(), a.engine());
    } catch (CastingException e) {
      throw new CastingException("Role '" + role + "': " + e.getMessage());
    }
  }

  public Voice requireVoice(String id) {
    return voices.stream().filter(v -> v.id().equals(id)).findFirst()
        .orElseThrow(() -> new CastingException("Unknown voice '" + id + "'. List voices with `etoaudiobook voices`"));
  }

  /** The voice, which must have {@code engine} when one is asked for (null: its default): a preview is spoken at once. */
  public Voice requireVoice(String id, String engine) {
    Voice voice = requireVoice(id);
    if (engine != null && !engine.isBlank() && !voice.engines().isEmpty()
        && !voice.engines().contains(engine.strip().toLowerCase(Locale.ROOT))) {
      throw new CastingException("Voice '" + id + "' has no engine '" + engine + "'; it has: "
          + String.join(", ", voice.engines()));
    }
    return voice;
  }

  private List<Role> orderNarratorFirst(List<Role> roles) {
    List<Role> out = new ArrayList<>();
    roles.stream().filter(r -> isNarrator(r.name())).forEach(out::add);
    roles.stream().filter(r -> !isNarrator(r.name())).forEach(out::add);
    return out;
  }

  private List<Voice> voicesFor(String language) {
    String lang = language == null ? "en" : language.split("[-_]")[0].toLowerCase(Locale.ROOT);
    List<Voice> pool = voices.stream()
        .filter(v -> v.language().toLowerCase(Locale.ROOT).startsWith(lang))
        .toList();
    if (pool.isEmpty()) {
      pool = voices;
    }
    if (pool.isEmpty()) {
      throw new CastingException("No voices available");
    }
    // Variants of the main voices ("en-us+f3") differ most from each other; regional voices come after.
    return pool.stream().sorted(java.util.Comparator.comparingInt(v -> v.id().contains("+") ? 0 : 1)).toList();
  }

  private Voice narratorVoice(List<Voice> pool, Set<String> used) {
    for (String id : narratorPreference) {
      for (Voice v : pool) {
        if (v.id().equals(id) && !used.contains(id)) {
          return v;
        }
      }
    }
    return pool.stream().filter(v -> !used.contains(v.id())).findFirst().orElse(pool.get(0));
  }
}
