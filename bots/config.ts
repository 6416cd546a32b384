import { z } from 'zod'
import { DEFAULT_PACE } from './pacer.js'

/**
 * The bot's settings: defaults here, environment variables over them, validated once at
 * start. Nothing else in bots/ reads process.env (the puppets read their own tokens,
 * e.g. WECHATY_PUPPET_SERVICE_TOKEN, WECHATY_PUPPET_PADLOCAL_TOKEN).
 */
const schema = z.strictObject({
  /** Where the backend serves /api/bot. */
  apiBase: z.url(),
  /** The backend's bot.secret; without it every call is refused. */
  secret: z.string().min(16, 'must be at least 16 characters').nullable(),
  /** Wechaty's own convention: which puppet package runs the account. */
  puppet: z.string().min(1),
  /** This bot process's name in outbox leases (two bots never send one message twice). */
  instance: z.string().regex(/^[\w.-]{1,40}$/, 'letters, digits, dot, dash, underscore; at most 40'),
  /** Login state of the account (session secrets: keep it git-ignored and on a persistent disk). */
  memoryCardPath: z.string().min(1),
  /** Messages taken while the backend was unreachable, kept until handled (null: memory only). */
  pendingPath: z.string().min(1).nullable(),
  pace: z
    .strictObject({
      minGapMs: z.number().int().min(0),
      maxGapMs: z.number().int().min(0),
      perMinute: z.number().int().min(1),
      perDay: z.number().int().min(1),
      coolDownMinutes: z.number().min(0),
    })
    .refine((p) => p.maxGapMs >= p.minGapMs, { message: 'maxGapMs must not be below minGapMs' }),
  /** A dialogue with no answer for this long ends politely. */
  dialogueTimeoutMinutes: z.number().positive(),
  /** Chat messages of one case text are joined until "好了" or this long without more. */
  joinWindowMs: z.number().int().positive(),
  /** How often timeouts (join window, idle dialogues) are looked at. */
  sweepMs: z.number().int().min(10),
  outbox: z.strictObject({
    leaseLimit: z.number().int().min(1).max(50),
    pollMs: z.number().int().min(10),
    /**
     * For this long after a login a contact or room that cannot be found is tried again later
     * rather than given up: some puppets load the contact list only after the login.
     */
    notFoundGraceMs: z.number().int().min(0),
  }),
  http: z.strictObject({
    timeoutMs: z.number().int().min(50),
    /** Extra attempts after a network error or a 5xx, with doubling backoff. */
    retries: z.number().int().min(0).max(10),
    backoffMs: z.number().int().min(0),
  }),
  /** While the backend is unreachable, held messages are tried again from min up to max. */
  recovery: z.strictObject({ minMs: z.number().int().min(1), maxMs: z.number().int().min(1) }),
  /** Wechaty's own log (brolog): silent, error, warn, info, verbose, silly. */
  wechatyLog: z.enum(['silent', 'error', 'warn', 'info', 'verbose', 'silly']),
  /** The scripted mock demo against a running backend binds a deputy with the console's admin login. */
  demoAdminPassword: z.string().nullable(),
})

export type BotConfig = z.infer<typeof schema>

export const BOT_DEFAULTS: BotConfig = {
  apiBase: 'http://127.0.0.1:3000',
  secret: null,
  puppet: 'wechaty-puppet-wechat4u',
  instance: 'bot',
  memoryCardPath: './data/bot.memory-card.json',
  pendingPath: './data/bot.pending.json',
  pace: { ...DEFAULT_PACE },
  dialogueTimeoutMinutes: 30,
  joinWindowMs: 120_000,
  sweepMs: 10_000,
  outbox: { leaseLimit: 5, pollMs: 3000, notFoundGraceMs: 10 * 60_000 },
  http: { timeoutMs: 8000, retries: 2, backoffMs: 400 },
  recovery: { minMs: 2000, maxMs: 60_000 },
  wechatyLog: 'warn',
  demoAdminPassword: null,
}

/** Environment variable → dotted setting. */
export const BOT_ENV: Record<string, string> = {
  LIAISON_API_BASE: 'apiBase',
  LIAISON_BOT_SECRET: 'secret',
  WECHATY_PUPPET: 'puppet',
  LIAISON_BOT_INSTANCE: 'instance',
  LIAISON_BOT_MEMORY_CARD: 'memoryCardPath',
  LIAISON_BOT_PENDING_FILE: 'pendingPath',
  LIAISON_BOT_MIN_GAP_MS: 'pace.minGapMs',
  LIAISON_BOT_MAX_GAP_MS: 'pace.maxGapMs',
  LIAISON_BOT_PER_MINUTE: 'pace.perMinute',
  LIAISON_BOT_PER_DAY: 'pace.perDay',
  LIAISON_BOT_COOL_DOWN_MINUTES: 'pace.coolDownMinutes',
  LIAISON_BOT_DIALOGUE_TIMEOUT_MINUTES: 'dialogueTimeoutMinutes',
  LIAISON_BOT_JOIN_WINDOW_MS: 'joinWindowMs',
  WECHATY_LOG: 'wechatyLog',
  LIAISON_ADMIN_PASSWORD: 'demoAdminPassword',
}

export class BotConfigError extends Error {}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const merge = (base: Json, over: Json): Json => {
  const out: Json = { ...base }
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Json, v) : v
  return out
}

export type BotOverrides = { [K in keyof BotConfig]?: BotConfig[K] extends object | null ? Partial<NonNullable<BotConfig[K]>> | BotConfig[K] : BotConfig[K] }

/** Defaults, then the environment, then overrides (tests, the demo). A bad value names itself. */
export function loadBotConfig(env: NodeJS.ProcessEnv = process.env, overrides: BotOverrides = {}): BotConfig {
  const raw = merge({}, BOT_DEFAULTS as unknown as Json)
  const fromEnv: Record<string, string> = {}
  for (const [name, key] of Object.entries(BOT_ENV)) {
    const value = env[name]
    if (value === undefined || value === '') continue
    const keys = key.split('.')
    let node = raw
    for (const k of keys.slice(0, -1)) node = node[k] as Json
    const last = keys[keys.length - 1]
    node[last] = typeof node[last] === 'number' ? Number(value) : value === 'none' && last === 'pendingPath' ? null : value
    fromEnv[key] = name
  }
  const parsed = schema.safeParse(merge(raw, overrides as Json))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const key = issue.path.join('.') || '(root)'
    throw new BotConfigError(`bot config error: ${key}${fromEnv[key] ? ` (env ${fromEnv[key]})` : ''}: ${issue.message}`)
  }
  return parsed.data
}
