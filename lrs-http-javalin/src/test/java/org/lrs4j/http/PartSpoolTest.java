package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartSpoolTest {

  private final PartSpool spool = new PartSpool(16);

  @Test
  void smallPartStaysInMemory() throws IOException {
    byte[] content = Multipart.bytes("sixteen bytes!!!");

    PartSpool.Spooled copy = spool.spool(new ByteArrayInputStream(content));

    assertThat(copy.file()).isNull();
    assertThat(copy.length()).isEqualTo(16);
    assertThat(read(copy)).isEqualTo(content);
  }

  @Test
  void largePartGoesToFileUntilClosed() throws IOException {
    byte[] content = Multipart.bytes("seventeen bytes!!");

    PartSpool.Spooled copy = spool.spool(new ByteArrayInputStream(content));

    assertThat(copy.file()).exists();
    assertThat(copy.length()).isEqualTo(17);
    assertThat(read(copy)).isEqualTo(content);
    assertThat(read(copy)).as("read twice").isEqualTo(content);

    new StatementBody(TestServer.MAPPER.createObjectNode(), List.of(), List.of(copy.file()))
        .close();

    assertThat(Files.exists(copy.file())).isFalse();
  }

  private static byte[] read(PartSpool.Spooled copy) throws IOException {
    try (InputStream in = copy.content().open()) {
      return in.readAllBytes();
    }
  }
}
