package org.lrs4j.auth.scope;

/** How much of a resource a caller may see, after the scope check. */
public enum Access {
  /** Everything the route serves. */
  FULL,
  /** Only statements whose authority is the caller's ({@code statements/read/mine}). */
  MINE
}
