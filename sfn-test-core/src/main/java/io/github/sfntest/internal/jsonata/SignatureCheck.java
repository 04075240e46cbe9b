package io.github.sfntest.internal.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Utils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.type.NullType;

/**
 * The argument check of one dashjoin function signature ({@code <s-nn?:s>}), giving the same
 * validated arguments as dashjoin's {@code Signature.validate} without its per-call cost.
 *
 * <p>dashjoin matches the arguments' type symbols ({@code "sn"}) against the signature's regex and
 * then splits each matched group with {@code String.split("")}, which compiles a {@code Pattern}
 * on every call of a built-in function (an empty regex misses the JDK's one-character fast path).
 * Here the same regex, built by the same rules, is matched once per distinct symbol string and the
 * outcome kept as a {@link Plan}: for each validated argument, which supplied argument (or the
 * context) it is and whether it is wrapped in an array. What depends on values and not on symbols
 * (the item types of a typed array, the type of the context value) is still checked per call.
 *
 * <p>{@link #validate} never raises the signature's errors itself: where dashjoin would throw
 * (T0410, T0411, T0412) it returns {@link #MISMATCH} and the caller runs dashjoin's own check,
 * which throws the exact error. Thread-safe: the plans are immutable and cached in a concurrent
 * map (a few per signature in practice).
 */
final class SignatureCheck {

  /** Returned by {@link #validate} when dashjoin's check would fail. */
  static final Object MISMATCH = new Object();

  /** A group of the signature regex: dashjoin's {@code Signature.Param}. */
  private static final class Param {
    String type;
    String regex;
    boolean context;
    String subtype;
  }

  private final List<Param> params = new ArrayList<>();
  private final Pattern regex;
  /** Per parameter, the symbols its regex accepts as a context value (for {@code -}). */
  private final String[] contextSymbols;
  /**
   * Plans for up to {@value #INDEXED_ARGS} arguments, by {@link #slot}; created on first use (most
   * built-ins are never called). Filled without a lock: plans are immutable records, a race only
   * builds one twice.
   */
  private Plan[] indexed;
  /** Plans for more arguments, by symbol string. */
  private final Map<String, Plan> plans = new ConcurrentHashMap<>();

  /** The eight type symbols; a symbol's position is its 3-bit code in {@link #slot}. */
  private static final String SYMBOLS = "asnblfom";
  private static final int INDEXED_ARGS = 4;
  /** 1 + 8 + 64 + 512 + 4096: every symbol string of up to four arguments. */
  private static final int SLOTS = 4681;

  /**
   * Parses {@code signature} the way dashjoin's {@code Signature.parseSignature} does.
   *
   * @param signature the signature, angle brackets included
   */
  SignatureCheck(String signature) {
    Param param = new Param();
    Param previous = param;
    int position = 1;
    while (position < signature.length()) {
      char symbol = signature.charAt(position);
      if (symbol == ':') {
        break; // the return type is not checked
      }
      switch (symbol) {
        case 's', 'n', 'b', 'l', 'o' -> {
          param.regex = "[" + symbol + "m]";
          param.type = String.valueOf(symbol);
        }
        case 'a' -> {
          param.regex = "[asnblfom]";
          param.type = "a";
        }
        case 'f' -> {
          param.regex = "f";
          param.type = "f";
        }
        case 'j' -> {
          param.regex = "[asnblom]";
          param.type = "j";
        }
        case 'x' -> {
          param.regex = "[asnblfom]";
          param.type = "x";
        }
        case '-' -> {
          previous.context = true;
          previous.regex += "?";
        }
        case '?', '+' -> previous.regex += symbol;
        case '(' -> {
          int end = closing(signature, position, '(', ')');
          String choice = signature.substring(position + 1, end);
          if (choice.indexOf('<') >= 0) {
            throw new IllegalArgumentException("Choice groups containing parameterized types are not supported");
          }
          param.regex = "[" + choice + "m]";
          param.type = "(" + choice + ")";
          position = end;
        }
        case '<' -> {
          if (!"a".equals(previous.type) && !"f".equals(previous.type)) {
            throw new IllegalArgumentException("Type parameters can only be applied to functions and arrays");
          }
          int end = closing(signature, position, '<', '>');
          previous.subtype = signature.substring(position + 1, end);
          position = end;
        }
        default -> {
          // dashjoin ignores any other character
        }
      }
      if (param.type != null) {
        params.add(param);
        previous = param;
        param = new Param();
      }
      position++;
    }
    StringBuilder pattern = new StringBuilder("^");
    contextSymbols = new String[params.size()];
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      pattern.append('(').append(p.regex).append(')');
      if (p.context) {
        Pattern single = Pattern.compile(p.regex);
        StringBuilder accepted = new StringBuilder();
        for (char c : SYMBOLS.toCharArray()) {
          if (single.matcher(String.valueOf(c)).matches()) {
            accepted.append(c);
          }
        }
        contextSymbols[i] = accepted.toString();
      }
    }
    regex = Pattern.compile(pattern.append('$').toString());
  }

  private static int closing(String text, int start, char open, char close) {
    int depth = 1;
    int position = start;
    while (position < text.length()) {
      position++;
      char c = text.charAt(position);
      if (c == close && --depth == 0) {
        break;
      } else if (c == open) {
        depth++;
      }
    }
    return position;
  }

  /** The regex dashjoin builds for the signature; visible for tests. */
  String regex() {
    return regex.pattern();
  }

  /**
   * The validated arguments, as dashjoin's {@code Signature.validate(args, context)} returns them,
   * or {@link #MISMATCH} where it would throw.
   *
   * @param args the evaluated arguments
   * @param context the context value, used for a parameter marked {@code -} that was not supplied
   */
  Object validate(List<?> args, Object context) {
    int count = args.size();
    if (count <= INDEXED_ARGS) {
      Plan[] table = indexed;
      if (table == null) {
        indexed = table = new Plan[SLOTS];
      }
      int slot = slot(args);
      Plan plan = table[slot];
      if (plan == null) {
        plan = plan(symbols(args));
        table[slot] = plan;
      }
      return plan.apply(args, context);
    }
    return plans.computeIfAbsent(symbols(args), this::plan).apply(args, context);
  }

  private static String symbols(List<?> args) {
    char[] symbols = new char[args.size()];
    for (int i = 0; i < symbols.length; i++) {
      symbols[i] = symbol(args.get(i));
    }
    return new String(symbols);
  }

  /** The symbol string of at most four arguments as an index: strings of n symbols follow those of n-1. */
  private static int slot(List<?> args) {
    int count = args.size();
    int slot = 0;
    for (int i = 0; i < count; i++) {
      slot = (slot << 3) | SYMBOLS.indexOf(symbol(args.get(i)));
    }
    // 8^0 + ... + 8^(count-1) strings are shorter
    return slot + ((1 << (3 * count)) - 1) / 7;
  }

  /** dashjoin's {@code Signature.getSymbol}. */
  static char symbol(Object value) {
    if (value == null) {
      return 'm';
    }
    if (Utils.isFunction(value) || Functions.isLambda(value) || value instanceof Pattern) {
      return 'f';
    }
    if (value instanceof String) {
      return 's';
    }
    if (value instanceof Number) {
      return 'n';
    }
    if (value instanceof Boolean) {
      return 'b';
    }
    if (value instanceof List) {
      return 'a';
    }
    if (value instanceof Map) {
      return 'o';
    }
    if (value instanceof NullType) {
      return 'l';
    }
    return 'm';
  }

  // ---------------------------------------------------------------------------------------------
  // Plans

  /** What to add for one validated argument. */
  private enum Op {
    /** the supplied argument at {@code index} (null past the end) */
    ARG,
    /** null: an undefined value given for an array parameter */
    UNDEFINED,
    /** the supplied argument, wrapped in a one-item array */
    WRAP,
    /** the supplied array, whose items must all have the type symbol {@code item} */
    TYPED_ARRAY,
    /** the context value, whose symbol must be one of {@code accepted} */
    CONTEXT
  }

  private record Step(Op op, int index, char item, String accepted) {}

  /** The steps for one string of argument symbols, or a mismatch. */
  private record Plan(Step[] steps) {
    static final Plan MISMATCHED = new Plan(null);

    Object apply(List<?> args, Object context) {
      if (steps == null) {
        return MISMATCH;
      }
      List<Object> validated = new ArrayList<>(steps.length);
      for (Step step : steps) {
        Object arg = step.index >= 0 && step.index < args.size() ? args.get(step.index) : null;
        switch (step.op) {
          case ARG -> validated.add(arg);
          case UNDEFINED -> validated.add(null);
          case WRAP -> {
            List<Object> wrapped = new ArrayList<>();
            wrapped.add(arg);
            validated.add(wrapped);
          }
          case TYPED_ARRAY -> {
            if (!itemsHaveSymbol((List<?>) arg, step.item)) {
              return MISMATCH;
            }
            validated.add(arg);
          }
          case CONTEXT -> {
            if (step.accepted.indexOf(symbol(context)) < 0) {
              return MISMATCH;
            }
            validated.add(context);
          }
        }
      }
      return validated;
    }

    private static boolean itemsHaveSymbol(List<?> items, char expected) {
      // dashjoin: the first item must have the subtype's first symbol, the others the first's
      for (Object item : items) {
        if (symbol(item) != expected) {
          return false;
        }
      }
      return true;
    }
  }

  /** Follows dashjoin's {@code Signature.validate} for the symbols {@code supplied}. */
  private Plan plan(String supplied) {
    Matcher match = regex.matcher(supplied);
    if (!match.matches()) {
      return Plan.MISMATCHED;
    }
    List<Step> steps = new ArrayList<>();
    int argIndex = 0;
    for (int index = 0; index < params.size(); index++) {
      Param param = params.get(index);
      String group = match.group(index + 1);
      if (group.isEmpty()) {
        if (param.context && param.regex != null) {
          steps.add(new Step(Op.CONTEXT, -1, ' ', contextSymbols[index]));
        } else {
          steps.add(new Step(Op.ARG, argIndex++, ' ', null));
        }
        continue;
      }
      for (char single : group.toCharArray()) {
        int at = argIndex++;
        if (!param.type.equals("a")) {
          steps.add(new Step(Op.ARG, at, ' ', null));
        } else if (single == 'm') {
          steps.add(new Step(Op.UNDEFINED, at, ' ', null));
        } else if (param.subtype != null && single != 'a' && !group.equals(param.subtype)) {
          return Plan.MISMATCHED; // T0412: a single value where an array of a type is expected
        } else if (single != 'a') {
          steps.add(new Step(Op.WRAP, at, ' ', null));
        } else if (param.subtype != null) {
          steps.add(new Step(Op.TYPED_ARRAY, at, param.subtype.charAt(0), null));
        } else {
          steps.add(new Step(Op.ARG, at, ' ', null));
        }
      }
    }
    return new Plan(steps.toArray(new Step[0]));
  }
}
