import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { isTimeZone } from './domain/local-days.js'

/** Each section may carry a "_doc" that explains its keys; it is documentation, not a setting. */
const doc = z.unknown().optional()

/** A switch: a boolean in a file; on/off (also true/false, 1/0) in the environment, where every value is text. */
const onOff = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? (({ on: true, true: true, '1': true, off: false, false: false, '0': false } as Record<string, boolean>)[v.trim().toLowerCase()] ?? v)
      : v,
  z.boolean({ error: 'must be on or off' }),
)

const hexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 32-byte key)')

const schema = z.strictObject({
  _doc: doc,
  http: z.strictObject({
    _doc: doc,
    port: z.coerce.number({ error: 'must be a whole number from 0 to 65535' }).int('must be a whole number from 0 to 65535').min(0).max(65535),
    host: z.string().min(1),
    jsonLimitKb: z.number().int().min(1).max(10_240),
    importLimitMb: z.number().int().min(1).max(200),
    trustProxy: z.boolean(),
    proxyHops: z.number().int().min(1).max(10),
    secureCookies: z.boolean(),
    allowedOrigins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be an origin such as https://console.example.gov.cn (no path)')),
  }),
  store: z.strictObject({
    _doc: doc,
    url: z.string().regex(/^(sqlite:.+|mongodb(\+srv)?:\/\/.+)$/, 'must start with sqlite: or mongodb://'),
  }),
  security: z.strictObject({
    _doc: doc,
    secretKey: hexKey.nullable(),
    secretKeyId: z.string().regex(/^[a-z0-9]{1,16}$/, 'must be 1-16 lowercase letters or digits'),
    previousKeys: z.record(z.string().regex(/^[a-z0-9]{1,16}$/), hexKey),
    adminPassword: z.string().min(8, 'must be at least 8 characters').nullable(),
    sessionTtlHours: z
      .number()
      .positive()
      .max(24 * 30),
    sessionIdleMinutes: z.number().positive(),
    scryptCost: z
      .number()
      .int()
      .min(1024)
      .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
    loginMaxFailures: z.number().int().min(1),
    loginUserMaxFailures: z.number().int().min(1),
    loginWindowMinutes: z.number().positive(),
    activationValidDays: z.number().int().min(1).max(365),
  }),
  business: z.strictObject({
    _doc: doc,
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
    cityName: z.string().min(1),
    officeName: z.string().min(1).max(40).nullable(),
    topics: z.array(z.string().min(1)).min(1),
    topicKeywords: z.record(z.string(), z.array(z.string().min(1))),
  }),
  cases: z.strictObject({
    _doc: doc,
    ackHours: z.number().positive(),
    replyWorkingDays: z.number().int().positive(),
    deputyCapacity: z.number().int().positive(),
    reminderLeadHours: z.number().nonnegative(),
    escalationRepeatHours: z.number().positive(),
    reopenMaxRating: z.number().int().min(1).max(5),
    reopenWindowDays: z.number().positive(),
    autoCloseDays: z.number().positive(),
    similarWindowDays: z.number().positive(),
    similarThreshold: z.number().min(0).max(1),
    slaSchedule: z.string().min(9),
    submitLimitPerTenMinutes: z.number().int().min(0),
  }),
  meetings: z.strictObject({
    _doc: doc,
    reminderHours: z.array(z.number().positive()).max(5),
    checkInOpensMinutesBefore: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    remindCooldownMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
  }),
  uploads: z.strictObject({
    _doc: doc,
    dir: z.string().min(1),
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024),
    maxPerCase: z.number().int().min(0).max(20),
    linkMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    unattachedHours: z
      .number()
      .int()
      .min(1)
      .max(30 * 24),
  }),
  privacy: z.strictObject({
    _doc: doc,
    retentionYears: z.number().int().min(1).max(30),
    retentionSchedule: z.string().min(1),
    retentionBatch: z.number().int().min(1).max(10_000),
  }),
  analysis: z.strictObject({
    _doc: doc,
    windowDays: z.number().int().min(1).max(366),
    spike: z.strictObject({
      messages: z.number().int().min(2).max(1000),
      hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30),
    }),
    spikeSchedule: z.string().min(1),
    weeklySchedule: z.string().min(1),
  }),
  livelihood: z.strictObject({
    _doc: doc,
    maxProposalsPerPerson: z.number().int().min(1).max(50),
    reportGraceDays: z.number().int().min(0).max(90),
    reminderSchedule: z.string().min(1),
  }),
  suggestions: z.strictObject({
    _doc: doc,
    minCoSigners: z.number().int().min(0).max(50),
  }),
  miniprogram: z.strictObject({
    _doc: doc,
    qrLinkPrefix: z.url(),
    landingPage: z.string().regex(/^[a-z0-9_/-]+$/i, 'must be a page path such as pages/index/index'),
  }),
  wechat: z
    .strictObject({
      _doc: doc,
      enabled: z.boolean(),
      appId: z.string(),
      secret: z.string().min(1).nullable(),
      apiBase: z.url(),
      timeoutMs: z.number().int().min(100).max(60_000),
      miniprogramState: z.enum(['developer', 'trial', 'formal']),
      contentCheck: z.boolean(),
      templates: z.record(z.string(), z.strictObject({ id: z.string(), longTerm: z.boolean(), page: z.string(), data: z.record(z.string(), z.string()) })),
      kindTemplates: z.record(z.string(), z.string()),
      pages: z.partialRecord(
        z.enum(['case', 'meeting', 'survey', 'quiz', 'reading', 'digest', 'notice', 'suggestion', 'workbench']),
        z.string().regex(/^[a-z0-9_/-]+$/i, 'must be a page path such as pages/meeting/meeting'),
      ),
    })
    .refine((w) => !w.enabled || (w.appId && w.secret), { message: 'enabled needs appId and secret (env LIAISON_WECHAT_SECRET)' }),
  wecom: z.strictObject({
    _doc: doc,
    apiBase: z.url(),
    timeoutMs: z.number().int().min(100).max(60_000),
    perMinute: z.number().int().min(1),
    robots: z.record(z.string().regex(/^(station|office):[A-Za-z0-9_.-]+$/, 'keys are station:<id> or office:<district id|city>'), z.string().min(1)),
  }),
  bot: z.strictObject({
    _doc: doc,
    secret: z.string().min(16, 'must be at least 16 characters').nullable(),
    /** The chat account's WeChat nickname: what people are told to find or write to. */
    nickname: z.string().trim().min(1).max(30),
  }),
  outbox: z.strictObject({
    _doc: doc,
    maxAttempts: z.number().int().min(1),
    backoffBaseSeconds: z.number().positive(),
    backoffMaxSeconds: z.number().positive(),
    leaseSeconds: z.number().positive(),
    batchSize: z.number().int().min(1).max(1000),
    pollMs: z.number().int().min(10),
    perMinute: z.record(z.string(), z.number().int().min(0)),
    noChannelRetryMinutes: z.number().positive(),
    revivalDays: z.number().positive(),
    quietHours: z.strictObject({
      start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
      end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
      immediateKinds: z.array(z.string()),
    }),
  }),
  digest: z.strictObject({
    _doc: doc,
    sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
    schedule: z.string().min(9),
    channelPerMinute: z.record(z.string(), z.number().positive()),
  }),
  demo: z.strictObject({ _doc: doc, seedOnEmptyStore: onOff }),
  log: z.strictObject({
    _doc: doc,
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  }),
  limits: z.strictObject({
    _doc: doc,
    mpLoginsPerAddress: z.number().int().min(0),
    bindFailuresPerAddress: z.number().int().min(0),
    bindFailuresGlobal: z.number().int().min(0),
    bindCodeLockAfterWrongTries: z.number().int().min(0),
    posterCodesPerStaff: z.number().int().min(0),
    exportsPerStaff: z.number().int().min(0),
    importsPerStaff: z.number().int().min(0),
  }),
})

export type Config = z.infer<typeof schema>

/** Environment variables that override a setting, by dotted key. */
export const ENV_OVERRIDES: Record<string, string> = {
  PORT: 'http.port',
  HOST: 'http.host',
  LIAISON_DB: 'store.url',
  LIAISON_SECRET_KEY: 'security.secretKey',
  LIAISON_ADMIN_PASSWORD: 'security.adminPassword',
  LIAISON_TZ: 'business.timeZone',
  LOG_LEVEL: 'log.level',
  LIAISON_WECHAT_SECRET: 'wechat.secret',
  LIAISON_BOT_SECRET: 'bot.secret',
  LIAISON_BOT_NICKNAME: 'bot.nickname',
  // A deployment turns the demo off without a config file of its own (README "上线 / Going live").
  LIAISON_DEMO: 'demo.seedOnEmptyStore',
}

export class ConfigError extends Error {}

type Json = Record<string, unknown>
const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base }
  for (const [k, v] of Object.entries(over)) out[k] = isPlainObject(v) && isPlainObject(out[k]) ? merge(out[k] as Json, v) : v
  return out
}

function setPath(target: Json, dotted: string, value: unknown) {
  const keys = dotted.split('.')
  let node = target
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Json
  node[keys[keys.length - 1]] = value
}

function readJson(file: string): Json {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ConfigError(`config error: ${file}: ${(err as Error).message}`)
  }
}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv
  dir?: string
  /** Settings merged last, used by tests to vary one value. */
  overrides?: Json
}

/**
 * Reads config/default.json, the environment's file and the environment variables, and
 * validates the result. Throws ConfigError whose message is one line naming the bad key.
 */
export function loadConfig({ env = process.env, dir = join(import.meta.dirname, '..', 'config'), overrides = {} }: LoadOptions = {}): Config {
  let raw = readJson(join(dir, 'default.json'))
  // Long lists live in their own files; a setting in default.json or later still wins.
  raw = merge({ business: { topicKeywords: readJson(join(dir, 'topic-keywords.json')).keywords } }, raw)
  const envName = env.LIAISON_ENV ?? (env.NODE_ENV === 'test' ? 'test' : undefined)
  if (envName) {
    const file = join(dir, `${envName}.json`)
    if (!existsSync(file)) throw new ConfigError(`config error: LIAISON_ENV=${envName} but ${file} does not exist`)
    raw = merge(raw, readJson(file))
  }
  const fromEnv: Record<string, string> = {}
  for (const [name, key] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name]
    if (value !== undefined && value !== '') {
      setPath(raw, key, value)
      fromEnv[key] = name
    }
  }
  raw = merge(raw, overrides)
  // Operators read these lines: English, whatever the app's user-facing messages are.
  const parsed = schema.safeParse(raw, { error: z.locales.en().localeError })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const key = issue.path.join('.') || '(root)'
    const source = fromEnv[key] ? ` (env ${fromEnv[key]})` : ''
    const got = issue.path.reduce<unknown>((node, k) => (isPlainObject(node) ? node[k as string] : undefined), raw)
    const shown = issue.code === 'unrecognized_keys' ? '' : `, got ${JSON.stringify(got) ?? 'nothing'}`
    throw new ConfigError(`config error: ${key}${source}: ${issue.message}${shown}`)
  }
  return parsed.data
}
