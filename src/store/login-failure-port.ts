/**
 * Failed console logins, counted within a window (services/accounts/login-throttle.ts). Kept in the
 * store rather than in the process, so that a restart or a deploy does not give a guesser a fresh
 * set of tries, and every process on one store counts together. Re-exported by ports.ts.
 */

/** What one count is kept for: a user name at one address, one address whatever the names, or a user name from everywhere. */
export type LoginFailureKind = 'user_at_client' | 'client' | 'user'

export interface LoginFailureKey {
  kind: LoginFailureKind
  /** The user name as stored (trimmed, lower-case); '' for a count per address. */
  username: string
  /** The client address; '' for a count per user name. */
  client: string
}

export interface LoginFailureCount {
  /** Tries counted in this window, this one included. */
  failures: number
  /** How long until the window ends and the count is forgotten. */
  resetsInMs: number
}

export interface LoginFailureRepo {
  /**
   * Counts one more try against each key and returns each count as it now stands, in the keys'
   * order. Each count is one atomic step in the store, so many tries at once are each counted
   * (none slips past a limit). A count whose window has ended starts again at 1, with a window of
   * `windowMs` from `now`; a running window is not lengthened. Ended counts are removed by the
   * store (pruned as new ones are written, or expired by the server), never left to pile up.
   */
  add(keys: LoginFailureKey[], windowMs: number, now: Date): Promise<LoginFailureCount[]>
  /** Forgets these counts (a login that succeeded: this person at this address starts afresh). */
  clear(keys: LoginFailureKey[]): Promise<void>
  /** Takes one try off a count whose window is still running (never below 0; an ended count stays ended). */
  takeBack(key: LoginFailureKey, now: Date): Promise<void>
  /** Forgets every count of a user name, at every address (an admin lifts the lock); counts per address stay. */
  clearUser(username: string): Promise<void>
}
