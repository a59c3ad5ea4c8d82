package org.lrs4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.validation.StatementValidator;
import org.lrs4j.core.validation.Violation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures the validation of a typical statement of about 1.5 KB (an answered choice question with
 * score, context activities, registration and extensions), already parsed into a Jackson tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidatorBenchmark {

  @Param({"V1_0_3", "V2_0_0"})
  public XapiVersion version;

  private final StatementValidator validator = new StatementValidator();
  private JsonNode statement;

  /** Loads the statement and fails when it is not valid, so the benchmark measures a full pass. */
  @Setup
  public void load() throws IOException {
    try (InputStream in = ValidatorBenchmark.class.getResourceAsStream("/typical-statement.json")) {
      statement = new ObjectMapper().readTree(in);
    }
    List<Violation> violations = validator.validate(statement, version);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("benchmark statement is invalid: " + violations);
    }
  }

  @Benchmark
  public List<Violation> validate() {
    return validator.validate(statement, version);
  }
}
