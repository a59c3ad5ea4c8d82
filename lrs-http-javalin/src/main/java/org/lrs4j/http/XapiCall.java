package org.lrs4j.http;

import java.time.Instant;
import org.lrs4j.auth.Principal;
import org.lrs4j.auth.scope.Access;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.statement.WriteContext;

/**
 * An authenticated xAPI request, after version negotiation.
 *
 * @param version the rule set the request speaks
 * @param principal the caller
 * @param consistentThrough the consistent-through time read when the request arrived
 * @param access what the caller's scopes let it see on this route
 */
record XapiCall(
    XapiVersion version, Principal principal, Instant consistentThrough, Access access) {

  /** Returns the context for statements this call stores. */
  WriteContext writeContext() {
    return new WriteContext(version, principal.authority());
  }
}
