package org.lrs4j.core.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Source of the octets of an attachment, which may be opened more than once. Each call returns a
 * new stream from the first octet; the caller closes it.
 */
@FunctionalInterface
public interface ContentSource {

  /** Opens a new stream over the content. */
  InputStream open() throws IOException;

  /** Returns a source over bytes held in memory. The array must not change afterwards. */
  static ContentSource of(byte[] bytes) {
    return () -> new ByteArrayInputStream(bytes);
  }
}
