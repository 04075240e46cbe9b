package io.github.sfntest.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal --flag value parser with repeated flags and clear errors. */
final class Args {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Set<String> booleans;

  Args(List<String> args, Set<String> valueFlags, Set<String> booleanFlags) {
    this.booleans = booleanFlags;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (booleanFlags.contains(arg)) {
        values.computeIfAbsent(arg, k -> new ArrayList<>()).add("true");
      } else if (valueFlags.contains(arg)) {
        if (i + 1 >= args.size()) {
          throw new CliException(arg + " needs a value");
        }
        values.computeIfAbsent(arg, k -> new ArrayList<>()).add(args.get(++i));
      } else {
        List<String> known = new ArrayList<>(valueFlags);
        known.addAll(booleanFlags);
        throw new CliException("unknown argument \"" + arg + "\"; expected one of " + known);
      }
    }
  }

  String get(String flag) {
    List<String> v = values.get(flag);
    return v == null ? null : v.get(v.size() - 1);
  }

  String required(String flag) {
    String v = get(flag);
    if (v == null) {
      throw new CliException(flag + " is required");
    }
    return v;
  }

  List<String> all(String flag) {
    return values.getOrDefault(flag, List.of());
  }

  /** Every {@code KEY=VALUE} given with {@code flag} (e.g. {@code --substitution}), in order. */
  Map<String, String> keyValues(String flag) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String kv : all(flag)) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new CliException(flag + " takes KEY=VALUE, was \"" + kv + "\"");
      }
      pairs.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return pairs;
  }

  boolean has(String flag) {
    return values.containsKey(flag);
  }

  int intValue(String flag, int defaultValue) {
    String v = get(flag);
    if (v == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CliException(flag + " must be a whole number >= 0, was \"" + v + "\"");
    }
  }
}
