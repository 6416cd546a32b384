import type { ConnectOptions } from 'mongoose'
import { StoreStartupError } from '../startup-error.js'

/**
 * mongodb://[user:pass@]host1[,host2…]/[database][?options]. Written out rather than
 * parsed with `new URL()`, which refuses the usual multi-host replica-set list.
 */
const MONGO_URL = /^(mongodb(?:\+srv)?:\/\/)([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/

function parts(url: string) {
  const m = MONGO_URL.exec(url)
  if (!m) throw new StoreStartupError('store.url (env LIAISON_DB): not a mongodb:// connection string')
  return { scheme: m[1], authority: m[2], path: m[3] ?? '', query: m[4] ?? '' }
}

/** The database the URI names, or null when it names none (the driver would use "test"). */
export function databaseName(url: string): string | null {
  const name = decodeURIComponent(parts(url).path.replace(/^\//, ''))
  return name === '' ? null : name
}

/** The same URI naming another database: hosts, credentials and options kept as written. */
export function withDatabase(url: string, name: string): string {
  const { scheme, authority, query } = parts(url)
  return `${scheme}${authority}/${encodeURIComponent(name)}${query}`
}

/** The hosts, credentials left out, for messages. */
export function hostsOf(url: string): string {
  return parts(url).authority.replace(/^[^@]*@/, '')
}

/** Refuses a URI that names no database: everything would silently go to "test". */
export function checkStoreUrl(url: string): void {
  if (databaseName(url) === null) {
    throw new StoreStartupError(`store.url (env LIAISON_DB): name the database in the MongoDB URI, e.g. mongodb://${hostsOf(url)}/liaison?replicaSet=rs0`)
  }
}

/**
 * What the server's `hello` must show before Liaison writes to it: transactions (every
 * multi-step write is one) need a replica set member or a mongos, and sessions.
 * Returns why not, or null when it can.
 */
export function transactionProblem(hello: Record<string, unknown>): string | null {
  const replicaSet = typeof hello.setName === 'string' && hello.setName !== ''
  const mongos = hello.msg === 'isdbgrid'
  if (!replicaSet && !mongos)
    return 'is a standalone server; Liaison writes in transactions, which need a replica set (a one-member set will do) or a sharded cluster'
  if (hello.logicalSessionTimeoutMinutes == null) return 'does not support sessions, so it cannot run transactions'
  return null
}

/**
 * Connection settings. Durability matches the sqlite adapter's fsync on every commit: a
 * write is acknowledged once a majority of the set has it in its journal, so a failover
 * cannot roll back what a 201 promised, and reads (transactions included) see only such
 * majority-committed data.
 *
 * Timeouts: a primary election normally takes up to about 12 s (10 s election timeout
 * plus heartbeats). Server selection waits longer than that, so a request made during a
 * normal election is delayed, then served (writes and reads are retried once on the new
 * primary), rather than failed as the old 5 s did. Readiness has its own short limit
 * (PING_TIMEOUT_MS) so a load balancer still learns quickly that the store is away.
 */
export const CONNECTION_OPTIONS = {
  writeConcern: { w: 'majority', journal: true },
  readConcern: { level: 'majority' },
  retryWrites: true,
  retryReads: true,
  serverSelectionTimeoutMS: 20_000,
  connectTimeoutMS: 10_000,
  // Indexes are created once at start, awaited, rather than in the background on first use.
  autoIndex: false,
} as const satisfies ConnectOptions

/**
 * The settings above, less those the URI sets itself (`?serverSelectionTimeoutMS=…`,
 * `?w=…`): the driver would let the code's values win, and an operator's URI should.
 */
export function connectionOptions(url: string): ConnectOptions {
  const given = new Set([...new URLSearchParams(parts(url).query.replace(/^\?/, '')).keys()].map((k) => k.toLowerCase()))
  const options: Record<string, unknown> = { ...CONNECTION_OPTIONS }
  if (given.has('w') || given.has('journal') || given.has('wtimeoutms')) delete options.writeConcern
  if (given.has('readconcernlevel')) delete options.readConcern
  for (const key of Object.keys(options)) if (given.has(key.toLowerCase())) delete options[key]
  return options as ConnectOptions
}

/** How long /readyz waits for the store's answer. */
export const PING_TIMEOUT_MS = 3_000
