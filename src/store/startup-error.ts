/**
 * The store cannot be used as configured (wrong kind of server, no database named …).
 * `npm start` prints its message as the one line it ends with, without a stack: the
 * operator has a setting to change, not a bug to report.
 */
export class StoreStartupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreStartupError'
  }
}
