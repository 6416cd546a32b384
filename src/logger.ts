import { pino, type Logger } from 'pino'
import type { Config } from './config.js'

export type { Logger }

/** Keys whose values never reach a log line, wherever they appear. */
const REDACT = [
  'password',
  '*.password',
  'secret',
  '*.secret',
  'secretKey',
  '*.secretKey',
  'token',
  '*.token',
  'phone',
  '*.phone',
  'access_token',
  '*.access_token',
  'session_key',
  '*.session_key',
  'key',
  '*.key',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
]

/** Structured JSON logs on stdout (one object per line). */
export function createLogger(config: Pick<Config, 'log'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.log.level,
      base: { app: 'liaison' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    destination,
  )
}
