package org.lrs4j.core.validation;

/**
 * Reads ISO 8601 durations in the format of ISO 8601:2004 section 4.4.3.2, such as {@code
 * PT4H35M59.14S}, {@code P3Y} or {@code P4W}. Thread safe.
 */
public final class Durations {

  private static final String DATE_UNITS = "YMWD";
  private static final String TIME_UNITS = "HMS";

  private Durations() {}

  /**
   * Returns true for a duration with at least one component, units in the order Y, M, W, D, then
   * {@code T} and H, M, S, and a decimal fraction only on the last component. Weeks cannot be
   * combined with other units, and {@code T} must be followed by a component, so {@code P}, {@code
   * PT} and {@code P4W1D} are invalid.
   */
  public static boolean isValid(String text) {
    if (text.length() < 3 || text.charAt(0) != 'P') {
      return false;
    }
    int components = 0;
    int timeComponents = 0;
    int lastOrder = -1;
    boolean inTime = false;
    boolean weeks = false;
    boolean fractionSeen = false;
    int i = 1;
    while (i < text.length()) {
      if (text.charAt(i) == 'T') {
        if (inTime) {
          return false;
        }
        inTime = true;
        i++;
        continue;
      }
      if (fractionSeen) {
        return false;
      }
      int start = i;
      while (i < text.length() && Formats.isDigit(text.charAt(i))) {
        i++;
      }
      if (i == start || i == text.length()) {
        return false;
      }
      if (text.charAt(i) == '.' || text.charAt(i) == ',') {
        int fractionStart = ++i;
        while (i < text.length() && Formats.isDigit(text.charAt(i))) {
          i++;
        }
        if (i == fractionStart || i == text.length()) {
          return false;
        }
        fractionSeen = true;
      }
      char unit = text.charAt(i++);
      int order = inTime ? 4 + TIME_UNITS.indexOf(unit) : DATE_UNITS.indexOf(unit);
      if (order < (inTime ? 4 : 0) || order <= lastOrder) {
        return false;
      }
      lastOrder = order;
      weeks |= !inTime && unit == 'W';
      components++;
      timeComponents += inTime ? 1 : 0;
    }
    return components > 0 && (!inTime || timeComponents > 0) && !(weeks && components > 1);
  }

  /**
   * Returns a valid duration with its seconds fraction truncated to hundredths and trailing zeros
   * removed, so that two durations equal to 0.01 s have the same text: {@code PT1.2567S} and {@code
   * PT1.250S} both become {@code PT1.25S}. Other units are not converted.
   */
  public static String toHundredths(String text) {
    int seconds = text.length() - 1;
    int dot = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
    if (text.isEmpty() || text.charAt(seconds) != 'S' || dot < 0) {
      return text;
    }
    int end = Math.min(seconds, dot + 3);
    while (end > dot + 1 && text.charAt(end - 1) == '0') {
      end--;
    }
    String whole = text.substring(0, end == dot + 1 ? dot : end);
    return whole + "S";
  }
}
