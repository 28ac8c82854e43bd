package dev.xcomponent.adapter.http;

import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.Transition;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps state names and labels from breaking Mermaid syntax: a name that is not a plain identifier
 * is drawn under a generated id ({@code s1}, {@code s2}, ...) with the name as its label, and label
 * text loses line breaks, control characters and statement separators.
 */
final class MermaidNames {
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private MermaidNames() {}

  /** The diagram id of every state named by the machine (declared or used by a transition). */
  static Map<String, String> stateIds(StateMachine machine) {
    Set<String> names = new LinkedHashSet<>();
    machine.states().forEach(s -> names.add(s.name()));
    names.add(machine.initialState());
    for (Transition t : machine.transitions()) {
      names.add(t.from());
      names.add(t.to());
    }
    Set<String> taken = new HashSet<>();
    names.stream().filter(MermaidNames::plain).forEach(taken::add);
    Map<String, String> ids = new LinkedHashMap<>();
    int next = 1;
    for (String n : names) {
      if (plain(n)) {
        ids.put(n, n);
      } else {
        String id;
        do {
          id = "s" + next++;
        } while (taken.contains(id));
        taken.add(id);
        ids.put(n, id);
      }
    }
    return ids;
  }

  /** The id of {@code state} in {@code ids}, or the name itself. */
  static String id(Map<String, String> ids, String state) {
    return ids.getOrDefault(state, state);
  }

  /** Removes what would end or break a Mermaid statement: line breaks, controls, semicolons. */
  static String clean(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                b.append(' ');
              } else if (cp == ';') {
                b.append(',');
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.toString();
  }

  private static boolean plain(String name) {
    return PLAIN_ID.matcher(name).matches();
  }
}
