/**
 * Failed console logins (services/accounts/login-throttle.ts) and tries of binding codes
 * (services/accounts/binding-guard.ts), counted within a window. Kept in the store rather than in
 * the process, so that a restart or a deploy does not give a guesser a fresh set of tries, and
 * every process on one store counts together. Re-exported by ports.ts.
 */

/**
 * What one count is kept for. Console logins: a user name at one address, one address whatever the
 * names, or a user name from everywhere. Binding codes (their own kinds, so they never mix with a
 * login's count of the same name or address, and an admin's 解除锁定 leaves them): one account's
 * tries, one address's whatever the accounts, or everyone's together (`bind_global` for deputies' and staff's codes,
 * `bind_global_resident` for residents' own codes, so that residents' typos never pause deputies' binding).
 */
export type LoginFailureKind = 'user_at_client' | 'client' | 'user' | 'bind_account' | 'bind_address' | 'bind_global' | 'bind_global_resident'

export interface LoginFailureKey {
  kind: LoginFailureKind
  /** The user name as stored (trimmed, lower-case), or for `bind_account` the account's id; '' for a count per address or of everyone. */
  username: string
  /** The client address; '' for a count per user name or account, or of everyone. */
  client: string
}

export interface LoginFailureCount {
  /** Tries counted in this window, this one included. */
  failures: number
  /** How long until the window ends and the count is forgotten. */
  resetsInMs: number
}

/** A user name's login counts whose window still runs: the highest at any one address, and the one from everywhere (0 for none). */
export interface UserLoginCounts {
  atOneAddress: number
  everywhere: number
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
  /** Forgets these counts (a login or a binding that succeeded: this person starts afresh). */
  clear(keys: LoginFailureKey[]): Promise<void>
  /** Takes one try off a count whose window is still running (never below 0; an ended count stays ended). */
  takeBack(key: LoginFailureKey, now: Date): Promise<void>
  /** Forgets every login count of a user name, at every address (an admin lifts the lock); counts per address, and binding counts, stay. */
  clearUser(username: string): Promise<void>
  /**
   * The running login counts of these user names (as stored: trimmed, lower-case), those that
   * `clearUser` would forget; a name with none is left out. Read only: nothing is counted.
   */
  userCounts(usernames: string[], now: Date): Promise<Map<string, UserLoginCounts>>
}
