package org.lrs4j.persistence.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Stores statement text as a BLOB compressed with DEFLATE and a preset dictionary of common xAPI
 * text, about 2.5 times smaller for typical statements. Reads both that BLOB and plain text, so a
 * column may hold rows written either way.
 *
 * <p>A BLOB starts with one format byte. Format 1 is raw DEFLATE (RFC 1951) of the UTF-8 text with
 * {@link #DICTIONARY_V1} as the preset dictionary. The dictionary must never change: rows written
 * with it can only be read with it, so a new dictionary needs a new format byte.
 */
final class DeflatedStatementJson implements StatementJsonCodec {

  private static final byte FORMAT_V1 = 1;

  /**
   * Text that typical statements repeat: property names, object types, common verb and activity
   * type IRIs. DEFLATE finds matches against it as if it preceded each statement; the most common
   * strings come last, where matches are cheapest to encode.
   */
  static final byte[] DICTIONARY_V1 =
      ("http://adlnet.gov/expapi/activities/course http://adlnet.gov/expapi/activities/module"
              + " http://adlnet.gov/expapi/activities/assessment"
              + " http://adlnet.gov/expapi/activities/question"
              + " http://adlnet.gov/expapi/activities/media http://adlnet.gov/expapi/activities/lesson"
              + " https://w3id.org/xapi/cmi5/context/categories/moveon"
              + " https://w3id.org/xapi/cmi5/context/extensions/sessionid"
              + " https://w3id.org/xapi/video/verbs/played https://w3id.org/xapi/adl/verbs/"
              + "\"interactionType\":\"choice\",\"correctResponsesPattern\":[\""
              + "\"openid\":\"\"mbox_sha1sum\":\"\"objectType\":\"Group\",\"member\":[{"
              + "\"objectType\":\"SubStatement\"\"objectType\":\"StatementRef\""
              + "\"attachments\":[{\"usageType\":\"\"contentType\":\"\"length\":\"sha2\":\""
              + "\"team\":{\"contextActivities\":{\"parent\":[{\"id\":\""
              + "\"grouping\":[{\"id\":\"\"category\":[{\"id\":\"\"other\":[{\"id\":\""
              + "\"platform\":\"\"language\":\"en-US\"\"revision\":\"\"statement\":{"
              + "\"instructor\":{\"objectType\":\"Agent\",\"name\":\""
              + "\"result\":{\"score\":{\"scaled\":\"raw\":\"min\":0,\"max\":100},"
              + "\"success\":true,\"completion\":true,\"duration\":\"PT\"response\":\""
              + "\"extensions\":{\"https://\"context\":{\"registration\":\""
              + "\"definition\":{\"name\":{\"en-US\":\"\"description\":{\"en-US\":\""
              + "\"type\":\"http://adlnet.gov/expapi/activities/"
              + "\"timestamp\":\"\"stored\":\"\"version\":\"1.0.0\"}"
              + "\"authority\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://"
              + "\"name\":\"\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed"
              + "\"display\":{\"en-US\":\"\"object\":{\"objectType\":\"Activity\",\"id\":\"https://"
              + "{\"id\":\"\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"\"mbox\":\"mailto:")
          .getBytes(StandardCharsets.UTF_8);

  private static final ThreadLocal<Deflater> DEFLATERS =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));
  private static final ThreadLocal<Inflater> INFLATERS =
      ThreadLocal.withInitial(() -> new Inflater(true));

  @Override
  public Object encode(String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = DEFLATERS.get();
    deflater.reset();
    deflater.setDictionary(DICTIONARY_V1);
    deflater.setInput(text);
    deflater.finish();

    byte[] out = new byte[text.length / 2 + 64];
    out[0] = FORMAT_V1;
    int length = 1;
    while (!deflater.finished()) {
      if (length == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      length += deflater.deflate(out, length, out.length - length);
    }
    return Arrays.copyOf(out, length);
  }

  @Override
  public String decode(ResultSet rows, int column) throws SQLException {
    Object value = rows.getObject(column);
    if (value instanceof byte[] blob) {
      return inflate(blob);
    }
    return value == null ? null : value.toString();
  }

  private static String inflate(byte[] blob) {
    if (blob.length == 0 || blob[0] != FORMAT_V1) {
      throw new IllegalStateException(
          "json: stored statement has unknown format " + (blob.length == 0 ? "(empty)" : blob[0]));
    }
    Inflater inflater = INFLATERS.get();
    inflater.reset();
    // Raw DEFLATE carries no dictionary id, so the inflater never asks: set it before reading.
    inflater.setDictionary(DICTIONARY_V1);
    inflater.setInput(blob, 1, blob.length - 1);
    ByteArrayOutputStream text = new ByteArrayOutputStream(blob.length * 3);
    byte[] buffer = new byte[4096];
    try {
      while (!inflater.finished()) {
        int count = inflater.inflate(buffer);
        if (count == 0 && inflater.needsInput()) {
          throw new IllegalStateException("json: stored statement is truncated");
        }
        text.write(buffer, 0, count);
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("json: stored statement is not valid DEFLATE data", e);
    }
    return text.toString(StandardCharsets.UTF_8);
  }
}
