package org.lrs4j.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The browser admin console: the static files of the {@code lrs-admin-ui} module, served from the
 * classpath under {@code /console/}. The console calls the admin REST API under {@code /admin/api}.
 */
final class Console {

  /** Path of the console; {@code /console} without the slash redirects here. */
  static final String PATH = "/console/";

  /** Classpath folder of the console's files, inside the {@code lrs-admin-ui} jar. */
  static final String RESOURCES = "/lrs-admin-ui";

  /**
   * Content-Security-Policy of every console file: scripts, styles and API calls from this server
   * only, no inline script or style, no frames, no plugins.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private Console() {}

  /** Registers the static files and the redirect. */
  static void register(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/console";
          files.directory = RESOURCES;
          files.location = Location.CLASSPATH;
          files.headers =
              Map.of(
                  "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                  "X-Content-Type-Options", "nosniff",
                  "Referrer-Policy", "no-referrer",
                  "Cache-Control", "no-cache");
        });
    // A before handler, because a route for /console would also match /console/ and hide the
    // static files. The relative Location keeps the redirect right behind a path prefix.
    config.routes.before(
        "/console",
        ctx -> {
          if (ctx.path().equals("/console")) {
            ctx.redirect("console/", HttpStatus.FOUND);
          }
        });
  }
}
