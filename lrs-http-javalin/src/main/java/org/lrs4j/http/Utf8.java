package org.lrs4j.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/** Strict UTF-8 decoding, which rejects overlong forms, encoded surrogates and stray bytes. */
final class Utf8 {

  private Utf8() {}

  /**
   * Decodes the bytes, or returns the offset of the first byte that is not valid UTF-8.
   *
   * @return the text, or empty with {@code invalidAt} set to the offset
   */
  static Decoded decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);

    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      return new Decoded(null, OptionalInt.of(in.position()));
    }
    return new Decoded(out.flip().toString(), OptionalInt.empty());
  }

  /**
   * The result of {@link #decode}.
   *
   * @param text the decoded text, or null when the bytes were invalid
   * @param invalidAt the offset of the first invalid byte, when there was one
   */
  record Decoded(String text, OptionalInt invalidAt) {}
}
