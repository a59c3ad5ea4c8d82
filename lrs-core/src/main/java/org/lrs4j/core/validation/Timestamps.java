package org.lrs4j.core.validation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.lrs4j.core.XapiVersion;

/**
 * Reads xAPI timestamps: the RFC 3339 profile of ISO 8601, {@code 2024-03-01T12:30:00.250+02:00}.
 * Thread safe.
 *
 * <p>Accepted: a {@code T} or {@code t} between date and time, and under xAPI 2.0.0 also a space;
 * any number of fraction digits, and the offsets {@code Z}, {@code +hh:mm}, {@code +hhmm} and
 * {@code +hh}. Rejected: the negative zero offsets {@code -00}, {@code -0000} and {@code -00:00}
 * (RFC 3339 reserves them for an unknown local offset), the ISO 8601 basic format, and a missing
 * offset under 2.0.0. Under 1.0.3 a missing offset is accepted and read as UTC, because 1.0.3 only
 * recommends one.
 */
public final class Timestamps {

  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private Timestamps() {}

  /**
   * Returns the rule a timestamp breaks under the given version, or empty when it is valid.
   *
   * @param text the timestamp as sent
   */
  public static Optional<String> violation(String text, XapiVersion version) {
    Parsed parsed = parse(text);
    if (parsed.error != null) {
      return Optional.of(parsed.error);
    }
    if (parsed.separator == ' ' && !version.isV2()) {
      return Optional.of(
          "must separate date and time with T, because a space is accepted only under xAPI 2.0.0");
    }
    if (!parsed.hasOffset && version.isV2()) {
      return Optional.of("must end with a time zone offset such as Z or +02:00");
    }
    return Optional.empty();
  }

  /** Returns the instant a timestamp of either version stands for, or empty when it is invalid. */
  public static Optional<Instant> toInstant(String text) {
    Parsed parsed = parse(text);
    return parsed.error == null ? Optional.of(parsed.instant()) : Optional.empty();
  }

  /**
   * Rewrites a valid timestamp in UTC with a {@code T} and a {@code Z}, keeping the instant and the
   * fraction digits as sent. Returns the text unchanged when it already has that form or cannot be
   * read.
   */
  public static String toUtc(String text) {
    Parsed parsed = parse(text);
    if (parsed.error != null || isUtcForm(text)) {
      return text;
    }
    LocalDateTime utc = LocalDateTime.ofEpochSecond(parsed.epochSecond(), 0, ZoneOffset.UTC);
    if (utc.getYear() < 0 || utc.getYear() > 9999) {
      return text;
    }
    return UTC_SECONDS.format(utc) + parsed.fraction + "Z";
  }

  private static boolean isUtcForm(String text) {
    return text.charAt(10) == 'T' && text.charAt(text.length() - 1) == 'Z';
  }

  private static Parsed parse(String text) {
    Parsed parsed = new Parsed();
    if (!parsed.readDateTime(text)) {
      parsed.error = "must be an RFC 3339 timestamp such as 2024-03-01T12:30:00.000Z";
    } else if (!parsed.readFractionAndOffset(text)) {
      if (parsed.error == null) {
        parsed.error = "must be an RFC 3339 timestamp such as 2024-03-01T12:30:00.000Z";
      }
    } else if (!parsed.inRange()) {
      parsed.error =
          "must be a real date and time (month 01-12, a day the month has, 00:00:00 to 23:59:59)";
    }
    return parsed;
  }

  /** Fields of a timestamp; {@code error} is set when the text cannot be read. */
  private static final class Parsed {
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int nanos;
    String fraction = "";
    char separator;
    boolean hasOffset;
    int offsetSeconds;
    String error;

    boolean readDateTime(String text) {
      if (text.length() < 19
          || text.charAt(4) != '-'
          || text.charAt(7) != '-'
          || text.charAt(13) != ':'
          || text.charAt(16) != ':') {
        return false;
      }
      separator = text.charAt(10);
      if (separator == 't') {
        separator = 'T';
      }
      year = digits(text, 0, 4);
      month = digits(text, 5, 2);
      day = digits(text, 8, 2);
      hour = digits(text, 11, 2);
      minute = digits(text, 14, 2);
      second = digits(text, 17, 2);
      return (separator == 'T' || separator == ' ')
          && (year | month | day | hour | minute | second) >= 0;
    }

    boolean readFractionAndOffset(String text) {
      int i = 19;
      if (i < text.length() && text.charAt(i) == '.') {
        int start = i++;
        while (i < text.length() && Formats.isDigit(text.charAt(i))) {
          i++;
        }
        if (i == start + 1) {
          return false;
        }
        fraction = text.substring(start, i);
        nanos = fractionNanos(text, start + 1, i);
      }
      return readOffset(text, i);
    }

    private boolean readOffset(String text, int i) {
      int rest = text.length() - i;
      if (rest == 0) {
        return true;
      }
      char sign = text.charAt(i);
      if (rest == 1 && (sign == 'Z' || sign == 'z')) {
        hasOffset = true;
        return true;
      }
      if (sign != '+' && sign != '-') {
        return false;
      }
      int hours = rest >= 3 ? digits(text, i + 1, 2) : -1;
      int minutes;
      if (rest == 3) {
        minutes = 0;
      } else if (rest == 5) {
        minutes = digits(text, i + 3, 2);
      } else if (rest == 6 && text.charAt(i + 3) == ':') {
        minutes = digits(text, i + 4, 2);
      } else {
        return false;
      }
      if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
        return false;
      }
      if (sign == '-' && hours == 0 && minutes == 0) {
        error = "must not use the offset -00, -0000 or -00:00. Use Z or +00:00 for UTC";
        return false;
      }
      hasOffset = true;
      offsetSeconds = (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
      return true;
    }

    // NOTE: RFC 3339 allows a leap second (:60), but it is rejected here because java.time has no
    // representation for it and the UTC rewrite under 2.0.0 needs one.
    boolean inRange() {
      return month >= 1
          && month <= 12
          && day >= 1
          && day <= lengthOfMonth()
          && hour <= 23
          && minute <= 59
          && second <= 59;
    }

    long epochSecond() {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
      return local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
    }

    Instant instant() {
      return Instant.ofEpochSecond(epochSecond(), nanos);
    }

    private int lengthOfMonth() {
      if (month == 2) {
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      }
      return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    private static int fractionNanos(String text, int start, int end) {
      int value = 0;
      for (int i = 0; i < 9; i++) {
        int digit = start + i < end ? text.charAt(start + i) - '0' : 0;
        value = value * 10 + digit;
      }
      return value;
    }

    /**
     * Returns the number in {@code text[start, start + count)}, or -1 when it is not all digits.
     */
    private static int digits(String text, int start, int count) {
      int value = 0;
      for (int i = start; i < start + count; i++) {
        char c = text.charAt(i);
        if (!Formats.isDigit(c)) {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }
  }
}
