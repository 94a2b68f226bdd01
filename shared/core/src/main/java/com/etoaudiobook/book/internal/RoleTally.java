package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Accumulates one role's figures (lines, characters, first sample, deliveries) into a Role. */
public final class RoleTally {
  private final String name;
  private int segments;
  private int characters;
  private String sample;
  private final List<String> deliveries = new ArrayList<>();
  /** Deliveries seen, lower case: a list search per segment was quadratic in distinct deliveries. */
  private final Set<String> seen = new HashSet<>();

  public RoleTally(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public void add(String delivery, String text) {
    segments++;
    characters += text.length();
    if (sample == null) {
      sample = ScriptReader.sample(text);
    }
    if (delivery != null && seen.add(delivery.toLowerCase(Locale.ROOT))) {
      deliveries.add(delivery);
    }
  }

  public Role role(String gender) {
    return new Role(name, segments, characters, sample, deliveries, gender);
  }
}
