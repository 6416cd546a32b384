/**
 * The server's clock as seen from this instance. Leases (job locks, outbox messages) are
 * compared across instances, so they are kept in the server's time: each instance adds
 * its own measured offset to its clock, and a minute of skew between two machines no
 * longer lets one take a lease the other still holds.
 */
export class ServerClock {
  private offsetMs = 0

  /** The offset from one `hello`: the server's localTime against the midpoint of the round trip. */
  static offset(sentAt: number, receivedAt: number, serverTime: Date): number {
    return serverTime.getTime() - (sentAt + receivedAt) / 2
  }

  /** Records a measurement; `hello` reports whole milliseconds, the round trip adds a little noise. */
  measured(sentAt: number, receivedAt: number, serverTime: unknown): void {
    if (serverTime instanceof Date && !Number.isNaN(serverTime.getTime())) this.offsetMs = ServerClock.offset(sentAt, receivedAt, serverTime)
  }

  /** `now` on this instance's clock, moved onto the server's. */
  at(now: Date): Date {
    return new Date(now.getTime() + Math.round(this.offsetMs))
  }
}
