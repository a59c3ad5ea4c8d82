package org.lrs4j.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the statement corpus: realistic statements, valid under xAPI 1.0.3, stored as test
 * resources under {@code corpus/}, one JSON file per statement.
 *
 * <p>The file {@code corpus/index.txt} lists the file names in order, one per line, so the corpus
 * loads the same way from a directory and from lrs-core's test-jar. The statements carry no {@code
 * stored}, {@code authority} or attachments, and a few carry {@code "version": "1.0.0"}. A voiding
 * statement refers to a statement listed before it. Every call parses the files again, so a caller
 * may change the returned nodes freely. Thread safe.
 */
public final class Corpus {

  /** Classpath folder that contains the statement files and the index. */
  public static final String FOLDER = "corpus/";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Corpus() {}

  /** Returns the statement file names listed in {@code corpus/index.txt}, in order. */
  public static List<String> fileNames() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(open(FOLDER + "index.txt"), StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to read " + FOLDER + "index.txt", e);
    }
  }

  /** Parses every statement of the corpus, in index order. */
  public static List<ObjectNode> statements() {
    return fileNames().stream().map(Corpus::statement).toList();
  }

  /**
   * Parses one statement of the corpus.
   *
   * @param fileName a name from {@link #fileNames()}, such as {@code 01-course-launched.json}
   * @throws IllegalArgumentException when no such file exists or it does not contain a JSON object
   */
  public static ObjectNode statement(String fileName) {
    String resource = FOLDER + fileName;
    try (InputStream in = open(resource)) {
      JsonNode node = MAPPER.readTree(in);
      if (!(node instanceof ObjectNode statement)) {
        throw new IllegalArgumentException(
            "Corpus file " + resource + " must contain a JSON object, found: " + node);
      }
      return statement;
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to parse corpus file " + resource, e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("Corpus resource not found on the classpath: " + resource);
    }
    return in;
  }
}
