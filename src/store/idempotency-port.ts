/** Idempotency keys of POSTs that create: the one port the http layer may use directly (its middleware). */
export interface IdempotencyRecord {
  scope: string
  key: string
  requestHash: string
  /** Null while the first request is still being handled. */
  status: number | null
  body: unknown
  createdAt: Date
}
export interface IdempotencyRepo {
  /** Claims the key for a new request, or returns the record already there. */
  claim(scope: string, key: string, requestHash: string, now: Date): Promise<'claimed' | IdempotencyRecord>
  complete(scope: string, key: string, status: number, body: unknown): Promise<void>
  release(scope: string, key: string): Promise<void>
  purgeBefore(before: Date): Promise<number>
}
