package com.etoaudiobook.book.internal;

import com.etoaudiobook.book.Role;
import java.util.ArrayList;
import java.util.List;

/** Accumulates one role's figures (lines, characters, first sample, deliveries) into a Role. */
public final class RoleTally {
  private final String name;
  private int segments;
  private int characters;
  private String sample;
  private final List<String> deliveries = new ArrayList<>();

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
    if (delivery != null && deliveries.stream().noneMatch(delivery::equalsIgnoreCase)) {
      deliveries.add(delivery);
    }
  }

  public Role role(String gender) {
    return new Role(name, segments, characters, sample, deliveries, gender);
  }
}
