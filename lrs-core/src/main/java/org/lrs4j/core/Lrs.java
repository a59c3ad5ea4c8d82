package org.lrs4j.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.time.Clock;
import java.util.Objects;
import org.lrs4j.core.activity.ActivityService;
import org.lrs4j.core.agent.AgentService;
import org.lrs4j.core.document.DocumentService;
import org.lrs4j.core.port.ActivityRepository;
import org.lrs4j.core.port.AgentRepository;
import org.lrs4j.core.port.DocumentRepository;
import org.lrs4j.core.port.IdSource;
import org.lrs4j.core.port.SignatureVerifier;
import org.lrs4j.core.port.StatementRepository;
import org.lrs4j.core.statement.StatementService;
import org.lrs4j.core.validation.StatementValidator;

/**
 * An embedded Learning Record Store: the entry point for applications that use LRS4J as a library.
 * Build one with {@link #builder()}, giving it the repositories to store into:
 *
 * <pre>{@code
 * Lrs lrs = Lrs.builder().statementRepository(repository).build();
 * List<UUID> ids = lrs.statements().store(statements, context);
 * }</pre>
 *
 * <p>Instances are thread safe.
 */
public final class Lrs {

  private final StatementService statements;
  private final DocumentService documents;
  private final ActivityService activities;
  private final AgentService agents;

  private Lrs(Builder builder) {
    this.statements =
        new StatementService(
            builder.statementRepository,
            new StatementValidator(),
            builder.clock,
            builder.idSource,
            builder.maxPageSize,
            builder.mapper,
            builder.signatureVerifier);
    this.documents =
        builder.documentRepository == null
            ? null
            : new DocumentService(builder.documentRepository, builder.clock, builder.mapper);
    this.activities =
        builder.activityRepository == null ? null : new ActivityService(builder.activityRepository);
    this.agents =
        builder.agentRepository == null ? null : new AgentService(builder.agentRepository);
  }

  /**
   * Configures a mapper to keep every JSON number exactly: floats are read as BigDecimal, so {@code
   * 1e999999999} does not become Infinity and {@code 0.1000000000000000000000000001} keeps its
   * digits, and trailing zeros are kept. Statements are immutable, so a number must come back with
   * the value it was sent with. Returns the same mapper.
   */
  public static ObjectMapper exactNumbers(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    return mapper;
  }

  /** Returns a builder with the defaults: the system UTC clock, random ids, pages of 500. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the statement operations: store, fetch and query. */
  public StatementService statements() {
    return statements;
  }

  /**
   * Returns the State, Activity Profile and Agent Profile operations.
   *
   * @throws IllegalStateException when the LRS was built without a document repository
   */
  public DocumentService documents() {
    if (documents == null) {
      throw new IllegalStateException("this LRS was built without a document repository");
    }
    return documents;
  }

  /** Returns true when the LRS was built with a document repository. */
  public boolean hasDocuments() {
    return documents != null;
  }

  /** Returns true when the LRS was built with an activity repository. */
  public boolean hasActivities() {
    return activities != null;
  }

  /** Returns true when the LRS was built with an agent repository. */
  public boolean hasAgents() {
    return agents != null;
  }

  /**
   * Returns the Activities resource operation.
   *
   * @throws IllegalStateException when the LRS was built without an activity repository
   */
  public ActivityService activities() {
    if (activities == null) {
      throw new IllegalStateException("this LRS was built without an activity repository");
    }
    return activities;
  }

  /**
   * Returns the Agents resource operation.
   *
   * @throws IllegalStateException when the LRS was built without an agent repository
   */
  public AgentService agents() {
    if (agents == null) {
      throw new IllegalStateException("this LRS was built without an agent repository");
    }
    return agents;
  }

  /** Assembles an {@link Lrs} from its ports. Not thread safe. */
  public static final class Builder {

    private StatementRepository statementRepository;
    private DocumentRepository documentRepository;
    private ActivityRepository activityRepository;
    private AgentRepository agentRepository;
    private Clock clock = Clock.systemUTC();
    private IdSource idSource = IdSource.random();
    private int maxPageSize = 500;
    private ObjectMapper mapper = exactNumbers(new ObjectMapper());
    private SignatureVerifier signatureVerifier = SignatureVerifier.unavailable();

    private Builder() {}

    /** Sets the repository statements are stored in. Required. */
    public Builder statementRepository(StatementRepository repository) {
      this.statementRepository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /** Sets the repository State and profile documents are stored in. Optional. */
    public Builder documentRepository(DocumentRepository repository) {
      this.documentRepository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /** Sets the repository the Activities resource reads definitions from. Optional. */
    public Builder activityRepository(ActivityRepository repository) {
      this.activityRepository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /** Sets the repository the Agents resource reads names from. Optional. */
    public Builder agentRepository(AgentRepository repository) {
      this.agentRepository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /** Sets the clock that stamps {@code stored} and document change times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the source of ids for statements that arrive without one. */
    public Builder idSource(IdSource idSource) {
      this.idSource = Objects.requireNonNull(idSource, "idSource");
      return this;
    }

    /** Sets the most statements one query page returns, also used when a client asks for 0. */
    public Builder maxPageSize(int maxPageSize) {
      this.maxPageSize = maxPageSize;
      return this;
    }

    /** Sets the Jackson mapper used to read and write statements. */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets the verifier of signed statements. Without one, the LRS rejects every signed statement
     * with a message that says so.
     */
    public Builder signatureVerifier(SignatureVerifier verifier) {
      this.signatureVerifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /** Builds the LRS. */
    public Lrs build() {
      if (statementRepository == null) {
        throw new IllegalStateException("statementRepository is required");
      }
      return new Lrs(this);
    }
  }
}
