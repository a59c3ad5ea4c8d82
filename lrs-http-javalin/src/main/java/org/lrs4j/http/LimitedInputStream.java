package org.lrs4j.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.lrs4j.core.error.PayloadTooLargeException;

/**
 * A request body stream that throws {@link PayloadTooLargeException} as soon as more than the limit
 * has been read, so an oversized body is rejected without being read to its end.
 */
final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    if (read > 0) {
      add(read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    add(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void add(long read) {
    count += read;
    if (count > limit) {
      throw tooLarge(limit);
    }
  }

  /** Returns the exception for a request body over the limit, with the limit in the message. */
  static PayloadTooLargeException tooLarge(long limit) {
    return new PayloadTooLargeException(
        "request body: larger than the limit of "
            + limit
            + " bytes; send fewer statements or smaller attachments per request");
  }
}
