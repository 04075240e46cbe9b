package io.github.sfntest.internal.distributed;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV records: quoted fields may hold the delimiter, quotes ("") and line breaks. */
final class Csv {
  private Csv() {}

  /** Every record of {@code text}; blank lines (no characters at all) are not records. */
  static List<List<String>> parse(String text, char delimiter) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int i = 0;
    int n = text.length();
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      i = 1; // a UTF-8 byte-order mark is not part of the first header
    }
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
      } else if (c == delimiter) {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRecord(records, record, field, fieldStarted);
        record = new ArrayList<>();
        fieldStarted = false;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    endRecord(records, record, field, fieldStarted);
    return records;
  }

  private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field, boolean started) {
    if (!started && record.isEmpty() && field.length() == 0) {
      return;
    }
    record.add(field.toString());
    field.setLength(0);
    records.add(record);
  }

  static char delimiter(String name) {
    if (name == null) {
      return ',';
    }
    return switch (name) {
      case "COMMA" -> ',';
      case "PIPE" -> '|';
      case "SEMICOLON" -> ';';
      case "SPACE" -> ' ';
      case "TAB" -> '\t';
      default -> throw new IllegalArgumentException(name);
    };
  }
}
