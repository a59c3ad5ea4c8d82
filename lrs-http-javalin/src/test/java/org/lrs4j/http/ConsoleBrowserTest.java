package org.lrs4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.auth.ApiKeys;
import org.lrs4j.auth.BasicAuthenticator;
import org.lrs4j.auth.admin.AdminAccounts;
import org.lrs4j.auth.admin.AdminKeys;
import org.lrs4j.auth.admin.Auditor;
import org.lrs4j.auth.admin.LoginThrottle;
import org.lrs4j.auth.admin.PasswordHasher;
import org.lrs4j.auth.admin.SessionTokens;
import org.lrs4j.core.Lrs;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser console in headless Chromium against a real server on a free port over a SQLite file.
 * Needs the Debian packages {@code chromium} and {@code chromium-driver}; without them the browser
 * tests are skipped. Set the system property {@code console.screenshots} to a folder to keep a
 * screenshot of the key page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String PASSWORD = "correct horse battery staple";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path folder;

  private final HttpClient client = HttpClient.newHttpClient();
  private JdbcStore store;
  private LrsServer server;
  private String base;
  private WebDriver browser;

  @BeforeAll
  void start() {
    store = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    Clock clock = Clock.systemUTC();
    ApiKeys keys = ApiKeys.over(store.credentials());
    Auditor auditor = new Auditor(store.auditLog(), clock);
    AdminAccounts accounts =
        new AdminAccounts(
            store.adminAccounts(),
            PasswordHasher.standard(),
            new SessionTokens(store.adminSessions(), null, Duration.ofHours(1), clock),
            LoginThrottle.standard(store.adminSessions(), clock),
            auditor,
            clock);
    accounts.createFirst("root", PASSWORD);
    AdminApi admin =
        new AdminApi(accounts, new AdminKeys(keys, auditor), store.auditLog(), Optional.empty());
    Lrs lrs = Lrs.builder().statementRepository(store.statements()).build();
    server =
        new LrsServer(
            lrs, new BasicAuthenticator(keys, TestServer.HOME_PAGE), HttpSettings.local(0), admin);
    base = "http://127.0.0.1:" + server.start();
  }

  @AfterEach
  void signOutOfBrowser() {
    if (browser != null) {
      browser.get(base + Console.PATH);
      ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    }
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.stop();
    store.close();
  }

  @Test
  void consoleIsServedWithContentSecurityPolicy() {
    HttpResponse<String> redirect = get("/console");
    HttpResponse<String> page = get(Console.PATH);
    HttpResponse<String> script = get(Console.PATH + "js/app.js");
    HttpResponse<String> folderListing = get(Console.PATH + "js/");

    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).contains("console/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>LRS4J admin console</title>");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .contains(Console.CONTENT_SECURITY_POLICY);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(folderListing.statusCode()).isEqualTo(404);
  }

  @Test
  void adminStatementsRouteNeedsSessionToken() {
    HttpResponse<String> response = get(AdminRoutes.BASE + "/statements");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void wrongPasswordShowsError() {
    openConsole();

    signIn("root", "not the password");

    WebElement error = waitVisible(By.id("login-error"));
    assertThat(error.getText()).contains("unknown user name or wrong password");
    assertThat(browser.findElement(By.id("app-view")).isDisplayed()).isFalse();
  }

  @Test
  void keyIsCreatedUsedRotatedAndRevoked() {
    openConsole();
    signIn("root", PASSWORD);
    waitVisible(By.id("keys-view"));

    browser.findElement(By.id("key-label")).sendKeys("browser test");
    checkOnly("scope", "statements/write");
    // The typed form of a datetime-local input depends on the browser's locale; the value does not.
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = '2999-01-01T12:30'", browser.findElement(By.id("key-expires")));
    browser.findElement(By.id("key-create")).click();
    String key = waitVisible(By.id("secret-key")).getText();
    String secret = waitVisible(By.id("secret-value")).getDomProperty("value");
    String row = "tr[data-key='" + key + "']";
    waitVisible(By.cssSelector(row));
    assertThat(browser.findElement(By.cssSelector(row)).getText())
        .contains("browser test")
        .contains("statements/write")
        .contains("2999-01-01 12:30:00")
        .contains("active");
    screenshot("keys.png");
    assertThat(secret).isNotBlank();
    assertThat(localStorageSize()).isZero();

    String mbox = "mailto:console-" + UUID.randomUUID() + "@example.com";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> posted = postStatement(key, secret, mbox);
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      ids.add(json(posted).get(0).asText());
    }
    assertThat(readStatements(key, secret).statusCode()).isEqualTo(403);

    browser.findElement(By.id("secret-done")).click();
    assertThat(browser.findElement(By.id("secret-value")).getDomProperty("value")).isEmpty();
    findStatementsInBrowser(mbox, ids);

    changeScopes(key, "statements/write", "statements/read");
    assertThat(readStatements(key, secret).statusCode()).isEqualTo(200);

    clickRowButton(key, "Rotate");
    confirm();
    waitForText(By.id("notice"), "Rotated key " + key);
    String rotated = waitVisible(By.id("secret-value")).getDomProperty("value");
    assertThat(rotated).isNotEqualTo(secret);
    assertThat(readStatements(key, secret).statusCode()).isEqualTo(401);
    assertThat(readStatements(key, rotated).statusCode()).isEqualTo(200);

    clickRowButton(key, "Revoke");
    confirm();
    waitForText(By.cssSelector("tr[data-key='" + key + "'] .state"), "revoked");
    assertThat(readStatements(key, rotated).statusCode()).isEqualTo(401);
  }

  @Test
  void accountIsCreatedAndDeleted() {
    openConsole();
    signIn("root", PASSWORD);
    waitVisible(By.id("keys-view"));
    browser.findElement(By.cssSelector(".tab[data-view='accounts']")).click();
    waitVisible(By.cssSelector("tr[data-username='root']"));

    createAccount("ann", "short");
    waitForText(By.id("error"), "password:");

    createAccount("ann", PASSWORD);
    waitVisible(By.cssSelector("tr[data-username='ann']"));
    browser
        .findElement(
            By.cssSelector("tr[data-username='ann'] button[aria-label='Delete account ann']"))
        .click();
    confirm();
    waitForText(By.id("notice"), "Deleted account ann");
    assertThat(browser.findElements(By.cssSelector("tr[data-username='ann']"))).isEmpty();

    browser.findElement(By.cssSelector(".tab[data-view='audit']")).click();
    waitForText(By.id("audit-table"), "account.delete");

    browser.findElement(By.id("logout")).click();
    waitForText(By.id("login-notice"), "You are signed out.");
    assertThat(sessionStorageSize()).isZero();
  }

  private void openConsole() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "browser tests need /usr/bin/chromium and /usr/bin/chromedriver: apt-get install -y"
            + " chromium chromium-driver");
    if (browser == null) {
      browser = startBrowser();
    }
    browser.get(base + "/console");
    waitVisible(By.id("login-view"));
  }

  private WebDriver startBrowser() {
    // Both paths are given, so Selenium Manager never runs and nothing is downloaded.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + folder.resolve("chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private void signIn(String username, String password) {
    WebElement name = browser.findElement(By.id("login-username"));
    name.clear();
    name.sendKeys(username);
    browser.findElement(By.id("login-password")).sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
  }

  private void checkOnly(String group, String... scopes) {
    for (WebElement box : browser.findElements(By.name(group))) {
      boolean expected = List.of(scopes).contains(box.getDomProperty("value"));
      if (box.isSelected() != expected) {
        box.click();
      }
    }
  }

  private void findStatementsInBrowser(String mbox, List<String> ids) {
    browser.findElement(By.cssSelector(".tab[data-view='statements']")).click();
    waitVisible(By.id("statement-filter"));
    browser.findElement(By.id("filter-agent")).sendKeys(mbox);
    WebElement limit = browser.findElement(By.id("filter-limit"));
    limit.clear();
    limit.sendKeys("2");
    browser.findElement(By.id("filter-search")).click();

    waitVisible(By.cssSelector("tr[data-id='" + ids.get(2) + "']"));
    waitVisible(By.cssSelector("tr[data-id='" + ids.get(1) + "']"));
    assertThat(browser.findElements(By.cssSelector("tr[data-id='" + ids.get(0) + "']"))).isEmpty();
    waitVisible(By.id("statements-more")).click();
    waitVisible(By.cssSelector("tr[data-id='" + ids.get(0) + "']"));
    assertThat(browser.findElements(By.cssSelector("#statements-table tbody tr"))).hasSize(3);

    browser.findElement(By.cssSelector("tr[data-id='" + ids.get(0) + "'] button")).click();
    WebElement detail = waitVisible(By.id("statement-json"));
    assertThat(detail.getText()).contains(ids.get(0)).contains(mbox);
    screenshot("statements.png");
    browser.findElement(By.cssSelector(".tab[data-view='keys']")).click();
  }

  private void changeScopes(String key, String... scopes) {
    waitVisible(By.cssSelector("tr[data-key='" + key + "']"));
    clickRowButton(key, "Change scopes");
    waitVisible(By.id("scopes-dialog"));
    checkOnly("edit-scope", scopes);
    browser.findElement(By.id("scopes-save")).click();
    waitForText(By.id("notice"), "now has the scopes");
    waitForText(By.cssSelector("tr[data-key='" + key + "'] .scope-list"), "statements/read");
  }

  private void clickRowButton(String key, String text) {
    By row = By.cssSelector("tr[data-key='" + key + "']");
    waitVisible(row);
    for (WebElement button : browser.findElement(row).findElements(By.tagName("button"))) {
      if (button.getText().equals(text)) {
        button.click();
        return;
      }
    }
    throw new AssertionError("no button " + text + " in the row of key " + key);
  }

  private void confirm() {
    waitVisible(By.id("confirm-yes")).click();
  }

  private void createAccount(String username, String password) {
    WebElement name = browser.findElement(By.id("account-username"));
    name.clear();
    name.sendKeys(username);
    WebElement secret = browser.findElement(By.id("account-password"));
    secret.clear();
    secret.sendKeys(password);
    browser.findElement(By.id("account-create")).click();
  }

  private WebElement waitVisible(By locator) {
    return new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private void waitForText(By locator, String text) {
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  private long localStorageSize() {
    return (Long) ((JavascriptExecutor) browser).executeScript("return localStorage.length");
  }

  private long sessionStorageSize() {
    return (Long) ((JavascriptExecutor) browser).executeScript("return sessionStorage.length");
  }

  private void screenshot(String name) {
    String target = System.getProperty("console.screenshots");
    if (target == null) {
      return;
    }
    try {
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(Path.of(target));
      Files.write(Path.of(target, name), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> postStatement(String key, String secret, String mbox) {
    String statement =
        "{\"actor\":{\"mbox\":\""
            + mbox
            + "\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\","
            + "\"display\":{\"en-US\":\"completed\"}},"
            + "\"object\":{\"id\":\"http://example.com/activities/console\"}}";
    return send(
        xapi(LrsServer.STATEMENTS, key, secret)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(statement)));
  }

  private HttpResponse<String> readStatements(String key, String secret) {
    return send(xapi(LrsServer.STATEMENTS + "?limit=1", key, secret).GET());
  }

  private HttpRequest.Builder xapi(String path, String key, String secret) {
    String pair = key + ":" + secret;
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("X-Experience-API-Version", "1.0.3")
        .header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return TestServer.json(response);
  }
}
