package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrs4j.auth.TestSignatures;

/**
 * Statements with attachments over real HTTP, for both xAPI versions: multipart/mixed requests
 * built byte by byte, attachments by content and by fileUrl, every rejection, and the
 * attachments=true response parsed back.
 */
class AttachmentsHttpTest {

  static final String ESSAY_TYPE = "http://example.com/attachment-usage/essay";

  /** Content with CR, LF, a dash line and every byte value, to catch any text handling. */
  static final byte[] PHOTO = photo();

  static final byte[] ESSAY = Multipart.bytes("An essay.\r\n--not a boundary\r\nThe end.");

  private final HttpClient client = HttpClient.newHttpClient();
  private TestServer server;
  private Path folder;

  @BeforeEach
  void start(@TempDir Path folder) {
    this.folder = folder;
    server = TestServer.start(folder);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void attachmentByContentComesBackByteForByte(String version) {
    UUID id = UUID.randomUUID();
    ObjectNode statement = statement(id, attachment(PHOTO, "image/png", null));
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("image/png", sha256(PHOTO), PHOTO)
            .build();

    HttpResponse<String> posted = postMultipart(version, body);
    HttpResponse<byte[]> fetched = getBytes(version, "?statementId=" + id + "&attachments=true");

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(fetched.statusCode()).isEqualTo(200);
    String contentType = fetched.headers().firstValue("Content-Type").orElseThrow();
    assertThat(contentType).startsWith("multipart/mixed; boundary=");
    List<Multipart.Part> parts = Multipart.parse(fetched.body(), contentType);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).headers().get("content-type")).startsWith("application/json");
    assertThat(json(parts.get(0).text()).get("id").asText()).isEqualTo(id.toString());
    assertThat(parts.get(1).content()).isEqualTo(PHOTO);
    assertThat(parts.get(1).headers().get("x-experience-api-hash")).isEqualTo(sha256(PHOTO));
    assertThat(parts.get(1).headers().get("content-transfer-encoding")).isEqualTo("binary");
    assertThat(parts.get(1).headers().get("content-type")).isEqualTo("image/png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void putWithAttachmentIsStored(String version) {
    UUID id = UUID.randomUUID();
    ObjectNode statement = statement(null, attachment(ESSAY, "text/plain", null));
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("text/plain", sha256(ESSAY), ESSAY)
            .build();

    HttpResponse<String> put =
        server.send(
            server
                .request(LrsServer.STATEMENTS + "?statementId=" + id)
                .setHeader("X-Experience-API-Version", version)
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    HttpResponse<byte[]> fetched = getBytes(version, "?statementId=" + id + "&attachments=true");

    assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    List<Multipart.Part> parts = parts(fetched);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(1).content()).isEqualTo(ESSAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void largeAttachmentIsSpooledAndReturned(String version) {
    byte[] video = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(video);
    UUID id = UUID.randomUUID();
    ObjectNode statement = statement(id, attachment(video, "video/mp4", null));
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("video/mp4", sha256(video), video)
            .build();

    HttpResponse<String> posted = postMultipart(version, body);
    List<Multipart.Part> parts =
        parts(getBytes(version, "?statementId=" + id + "&attachments=true"));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(parts.get(1).content()).isEqualTo(video);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void fileUrlAttachmentIsAcceptedAsJson(String version) {
    UUID id = UUID.randomUUID();
    ObjectNode statement =
        statement(id, attachment(ESSAY, "text/plain", "https://files.example.com/essay.txt"));

    HttpResponse<String> posted = postJson(version, statement.toString());
    HttpResponse<byte[]> fetched = getBytes(version, "?statementId=" + id + "&attachments=true");

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    List<Multipart.Part> parts = parts(fetched);
    assertThat(parts).hasSize(1);
    assertThat(json(parts.get(0).text()).at("/attachments/0/fileUrl").asText())
        .isEqualTo("https://files.example.com/essay.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void fileUrlAttachmentIsAcceptedAsMultipart(String version) {
    ObjectNode statement =
        statement(null, attachment(ESSAY, "text/plain", "https://files.example.com/essay.txt"));

    HttpResponse<String> posted =
        postMultipart(version, Multipart.statements(statement.toString()).build());

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void multipartWithoutAttachmentsIsAccepted(String version) {
    ObjectNode statement = statement(null);
    statement.remove("attachments");

    HttpResponse<String> posted =
        postMultipart(version, Multipart.statements(statement.toString()).build());

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void sharedAttachmentIsSentOnce(String version) {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    ArrayNode batch = TestServer.MAPPER.createArrayNode();
    batch.add(statement(first, attachment(PHOTO, "image/png", null)));
    batch.add(statement(second, attachment(PHOTO, "image/png", null)));
    byte[] body =
        Multipart.statements(batch.toString())
            .attachment("image/png", sha256(PHOTO), PHOTO)
            .build();

    HttpResponse<String> posted = postMultipart(version, body);
    List<Multipart.Part> parts = parts(getBytes(version, "?attachments=true"));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(parts).hasSize(2);
    JsonNode result = json(parts.get(0).text());
    assertThat(result.get("statements")).hasSize(2);
    assertThat(parts.get(1).content()).isEqualTo(PHOTO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void attachmentsOfSeveralStatementsComeOnceEach(String version) {
    byte[] body =
        Multipart.statements(
                "["
                    + statement(null, attachment(PHOTO, "image/png", null))
                    + ","
                    + statement(null, attachment(ESSAY, "text/plain", null))
                    + ","
                    + statement(null, attachment(PHOTO, "image/png", null))
                    + "]")
            .attachment("text/plain", sha256(ESSAY), ESSAY)
            .attachment("image/png", sha256(PHOTO), PHOTO)
            .build();

    HttpResponse<String> posted = postMultipart(version, body);
    List<Multipart.Part> parts = parts(getBytes(version, "?attachments=true&ascending=true"));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(parts).hasSize(3);
    assertThat(parts.get(1).content()).isEqualTo(PHOTO);
    assertThat(parts.get(2).content()).isEqualTo(ESSAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void repostWithAttachmentSucceeds(String version) {
    UUID id = UUID.randomUUID();
    ObjectNode statement = statement(id, attachment(ESSAY, "text/plain", null));
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("text/plain", sha256(ESSAY), ESSAY)
            .build();

    HttpResponse<String> first = postMultipart(version, body);
    HttpResponse<String> second = postMultipart(version, body);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(json(second.body()).get(0).asText()).isEqualTo(id.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void withoutAttachmentsParameterJsonIsReturned(String version) {
    UUID id = UUID.randomUUID();
    ObjectNode statement = statement(id, attachment(ESSAY, "text/plain", null));
    postMultipart(
        version,
        Multipart.statements(statement.toString())
            .attachment("text/plain", sha256(ESSAY), ESSAY)
            .build());

    HttpResponse<byte[]> fetched = getBytes(version, "?statementId=" + id);

    assertThat(fetched.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(json(new String(fetched.body(), StandardCharsets.UTF_8)).get("id").asText())
        .isEqualTo(id.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void headWithAttachmentsSendsMultipartTypeOnly(String version) {
    UUID id = UUID.randomUUID();
    postJson(version, statement(id).toString());

    HttpResponse<byte[]> head =
        sendBytes(
            server
                .request(LrsServer.STATEMENTS + "?statementId=" + id + "&attachments=true")
                .setHeader("X-Experience-API-Version", version)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("multipart/mixed; boundary=");
    assertThat(head.body()).isEmpty();
  }

  // Rejections

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void contentWithoutPartIsRejectedAsJson(String version) {
    ObjectNode statement = statement(null, attachment(ESSAY, "text/plain", null));

    HttpResponse<String> posted = postJson(version, statement.toString());

    assertRejected(posted, 400, sha256(ESSAY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void missingPartIsRejected(String version) {
    ObjectNode statement =
        statement(
            null, attachment(ESSAY, "text/plain", null), attachment(PHOTO, "image/png", null));
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("text/plain", sha256(ESSAY), ESSAY)
            .build();

    assertRejected(postMultipart(version, body), 400, sha256(PHOTO));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void undeclaredPartIsRejected(String version) {
    ObjectNode statement = statement(null, attachment(ESSAY, "text/plain", null));
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("text/plain", sha256(ESSAY), ESSAY)
            .attachment("image/png", sha256(PHOTO), PHOTO)
            .build();

    assertRejected(postMultipart(version, body), 400, sha256(PHOTO));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void partForStatementWithoutAttachmentsIsRejected(String version) {
    ObjectNode statement = statement(null);
    statement.remove("attachments");
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("image/png", sha256(PHOTO), PHOTO)
            .build();

    assertRejected(postMultipart(version, body), 400, sha256(PHOTO));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void lengthMismatchIsRejected(String version) {
    ObjectNode attachment = attachment(ESSAY, "text/plain", null);
    attachment.put("length", ESSAY.length + 5);
    ObjectNode statement = statement(null, attachment);
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("text/plain", sha256(ESSAY), ESSAY)
            .build();

    assertRejected(postMultipart(version, body), 400, "length");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void contentNotMatchingHashIsRejected(String version) {
    ObjectNode statement = statement(null, attachment(ESSAY, "text/plain", null));
    byte[] forged = ESSAY.clone();
    forged[0] = 'a';
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("text/plain", sha256(ESSAY), forged)
            .build();

    assertRejected(postMultipart(version, body), 400, sha256(forged));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void partWithoutHashHeaderIsRejected(String version) {
    ObjectNode statement = statement(null, attachment(ESSAY, "text/plain", null));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/plain");
    headers.put("Content-Transfer-Encoding", "binary");
    byte[] body = Multipart.statements(statement.toString()).part(headers, ESSAY).build();

    assertRejected(postMultipart(version, body), 400, "X-Experience-API-Hash");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void partWithoutBinaryEncodingIsRejected(String version) {
    ObjectNode statement = statement(null, attachment(ESSAY, "text/plain", null));
    for (String encoding : new String[] {"base64", null}) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "text/plain");
      if (encoding != null) {
        headers.put("Content-Transfer-Encoding", encoding);
      }
      headers.put("X-Experience-API-Hash", sha256(ESSAY));
      byte[] body = Multipart.statements(statement.toString()).part(headers, ESSAY).build();

      assertRejected(postMultipart(version, body), 400, "Content-Transfer-Encoding");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void missingBoundaryIsRejected(String version) {
    ObjectNode statement = statement(null);
    statement.remove("attachments");
    byte[] body = Multipart.statements(statement.toString()).build();

    HttpResponse<String> posted = post(version, "multipart/mixed", body);

    assertRejected(posted, 400, "boundary");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void firstPartThatIsNotJsonIsRejected(String version) {
    byte[] body =
        new Multipart().part(Map.of("Content-Type", "text/plain"), Multipart.bytes("{}")).build();

    assertRejected(postMultipart(version, body), 400, "application/json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void invalidJsonPartIsRejected(String version) {
    byte[] body =
        new Multipart()
            .part(Map.of("Content-Type", "application/json"), Multipart.bytes("{\"actor\":"))
            .build();

    assertRejected(postMultipart(version, body), 400, "invalid JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void bodyWithoutPartsIsRejected(String version) {
    HttpResponse<String> posted =
        postMultipart(version, Multipart.bytes("no delimiter line at all\r\n"));

    assertRejected(posted, 400, "invalid multipart/mixed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void bodyWithoutClosingDelimiterIsRejected(String version) {
    ObjectNode statement = statement(null, attachment(ESSAY, "text/plain", null));
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("text/plain", sha256(ESSAY), ESSAY)
            .build();
    byte[] truncated = java.util.Arrays.copyOf(body, body.length - 10);

    assertRejected(postMultipart(version, truncated), 400, "invalid multipart/mixed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void requestOverLimitIsRejected(String version) throws IOException {
    server.close();
    server = TestServer.withBodyLimit(Files.createDirectory(folder.resolve("small")), 64 * 1024);
    byte[] big = new byte[100 * 1024];
    ObjectNode statement = statement(null, attachment(big, "application/octet-stream", null));
    byte[] body =
        Multipart.statements(statement.toString())
            .attachment("application/octet-stream", sha256(big), big)
            .build();

    assertRejected(postMultipart(version, body), 413, "65536 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void jsonRequestOverLimitIsRejected(String version) throws IOException {
    server.close();
    server = TestServer.withBodyLimit(Files.createDirectory(folder.resolve("small")), 1024);
    ObjectNode statement = statement(null);
    statement.remove("attachments");
    statement
        .with("object")
        .putObject("definition")
        .put("moreInfo", "https://example.com/" + "a".repeat(2000));

    assertRejected(postJson(version, statement.toString()), 413, "1024 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void specificationExampleIsAccepted(String version) {
    String statement =
        """
        {"actor":{"mbox":"mailto:sample.agent@example.com","name":"Sample Agent","objectType":"Agent"},
         "verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},
         "object":{"id":"http://www.example.com/tincan/activities/multipart","objectType":"Activity",
           "definition":{"name":{"en-US":"Multi Part Activity"},
                         "description":{"en-US":"Multi Part Activity Description"}}},
         "attachments":[{"usageType":"http://example.com/attachment-usage/test",
           "display":{"en-US":"A test attachment"},
           "description":{"en-US":"A test attachment (description)"},
           "contentType":"text/plain; charset=ascii","length":27,
           "sha2":"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"}]}
        """;
    byte[] body =
        Multipart.statements(statement)
            .attachment(
                "text/plain",
                "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a",
                Multipart.bytes("here is a simple attachment"))
            .build();

    HttpResponse<String> posted = postMultipart(version, body);

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
  }

  // Signed statements

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void signedStatementWithCertificateIsAccepted(String version) {
    var keys = TestSignatures.rsaKeys();
    var certificate = TestSignatures.selfSigned(keys, "Signer");
    ObjectNode statement = statement(UUID.randomUUID());
    statement.remove("attachments");
    byte[] jws =
        Multipart.bytes(
            TestSignatures.sign(
                statement.toString(), com.nimbusds.jose.JWSAlgorithm.RS256, keys, certificate));

    HttpResponse<String> posted = postSigned(version, statement, jws);
    List<Multipart.Part> parts =
        parts(
            getBytes(
                version, "?statementId=" + statement.get("id").asText() + "&attachments=true"));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(1).content()).isEqualTo(jws);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void signedStatementWithoutCertificateIsAccepted(String version) {
    ObjectNode statement = statement(UUID.randomUUID());
    statement.remove("attachments");
    byte[] jws =
        Multipart.bytes(
            TestSignatures.sign(
                statement.toString(),
                com.nimbusds.jose.JWSAlgorithm.RS512,
                TestSignatures.rsaKeys(),
                null));

    HttpResponse<String> posted = postSigned(version, statement, jws);

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void signatureByOtherKeyIsRejected(String version) {
    var certificate = TestSignatures.selfSigned(TestSignatures.rsaKeys(), "Signer");
    ObjectNode statement = statement(UUID.randomUUID());
    statement.remove("attachments");
    byte[] jws =
        Multipart.bytes(
            TestSignatures.sign(
                statement.toString(),
                com.nimbusds.jose.JWSAlgorithm.RS256,
                TestSignatures.rsaKeys(),
                certificate));

    assertRejected(postSigned(version, statement, jws), 400, "does not verify");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void signedPayloadOfOtherStatementIsRejected(String version) {
    ObjectNode statement = statement(UUID.randomUUID());
    statement.remove("attachments");
    ObjectNode other = statement.deepCopy();
    other.with("verb").put("id", "http://adlnet.gov/expapi/verbs/failed");
    byte[] jws =
        Multipart.bytes(
            TestSignatures.sign(
                other.toString(),
                com.nimbusds.jose.JWSAlgorithm.RS256,
                TestSignatures.rsaKeys(),
                null));

    assertRejected(postSigned(version, statement, jws), 400, "differs from the statement");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void hmacSignatureIsRejected(String version) throws Exception {
    ObjectNode statement = statement(UUID.randomUUID());
    statement.remove("attachments");
    var jws =
        new com.nimbusds.jose.JWSObject(
            new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
            new com.nimbusds.jose.Payload(statement.toString()));
    jws.sign(new com.nimbusds.jose.crypto.MACSigner(new byte[32]));

    assertRejected(postSigned(version, statement, Multipart.bytes(jws.serialize())), 400, "HS256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void malformedSignatureIsRejected(String version) {
    ObjectNode statement = statement(UUID.randomUUID());
    statement.remove("attachments");

    assertRejected(
        postSigned(version, statement, Multipart.bytes("this is not a JWS")), 400, "JWS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.3", "2.0.0"})
  void signedDurationIsComparedToHundredthsOnlyUnder2(String version) {
    ObjectNode statement = statement(UUID.randomUUID());
    statement.remove("attachments");
    statement.putObject("result").put("duration", "PT1.12S");
    ObjectNode signed = statement.deepCopy();
    signed.with("result").put("duration", "PT1.129S");
    byte[] jws =
        Multipart.bytes(
            TestSignatures.sign(
                signed.toString(),
                com.nimbusds.jose.JWSAlgorithm.RS384,
                TestSignatures.rsaKeys(),
                null));

    HttpResponse<String> posted = postSigned(version, statement, jws);

    int expected = version.equals("2.0.0") ? 200 : 400;
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(expected);
  }

  // Helpers

  private HttpResponse<String> postSigned(String version, ObjectNode statement, byte[] jws) {
    ObjectNode signature = attachment(jws, "application/octet-stream", null);
    signature.put("usageType", "http://adlnet.gov/expapi/attachments/signature");
    ObjectNode sent = statement.deepCopy();
    sent.putArray("attachments").add(signature);
    byte[] body =
        Multipart.statements(sent.toString())
            .attachment("application/octet-stream", sha256(jws), jws)
            .build();
    return postMultipart(version, body);
  }

  private static void assertRejected(HttpResponse<String> response, int status, String text) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response.body()).at("/error/message").asText()).contains(text);
  }

  private HttpResponse<String> postMultipart(String version, byte[] body) {
    return post(version, Multipart.CONTENT_TYPE, body);
  }

  private HttpResponse<String> postJson(String version, String body) {
    return post(version, "application/json", Multipart.bytes(body));
  }

  private HttpResponse<String> post(String version, String contentType, byte[] body) {
    return server.send(
        server
            .request(LrsServer.STATEMENTS)
            .setHeader("X-Experience-API-Version", version)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpResponse<byte[]> getBytes(String version, String query) {
    return sendBytes(
        server
            .request(LrsServer.STATEMENTS + query)
            .setHeader("X-Experience-API-Version", version)
            .GET());
  }

  private HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<Multipart.Part> parts(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return Multipart.parse(
        response.body(), response.headers().firstValue("Content-Type").orElseThrow());
  }

  private static ObjectNode statement(UUID id, ObjectNode... attachments) {
    ObjectNode statement = TestServer.MAPPER.createObjectNode();
    if (id != null) {
      statement.put("id", id.toString());
    }
    statement.putObject("actor").put("objectType", "Agent").put("mbox", "mailto:ada@example.com");
    statement
        .putObject("verb")
        .put("id", "http://adlnet.gov/expapi/verbs/completed")
        .putObject("display")
        .put("en-US", "completed");
    statement
        .putObject("object")
        .put("objectType", "Activity")
        .put("id", "http://example.com/essay");
    ArrayNode list = statement.putArray("attachments");
    for (ObjectNode attachment : attachments) {
      list.add(attachment);
    }
    return statement;
  }

  private static ObjectNode attachment(byte[] content, String contentType, String fileUrl) {
    ObjectNode attachment = TestServer.MAPPER.createObjectNode();
    attachment.put("usageType", ESSAY_TYPE);
    attachment.putObject("display").put("en-US", "attachment");
    attachment.put("contentType", contentType);
    attachment.put("length", content.length);
    attachment.put("sha2", sha256(content));
    if (fileUrl != null) {
      attachment.put("fileUrl", fileUrl);
    }
    return attachment;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return TestServer.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(text, e);
    }
  }

  private static byte[] photo() {
    byte[] bytes = new byte[600];
    for (int i = 0; i < 256; i++) {
      bytes[i] = (byte) i;
    }
    byte[] tail = Multipart.bytes("\r\n--" + Multipart.BOUNDARY + "X\r\n\r\n");
    System.arraycopy(tail, 0, bytes, 300, tail.length);
    return bytes;
  }
}
