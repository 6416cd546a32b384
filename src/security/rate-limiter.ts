import { createRequire } from 'node:module'
import type * as Flexible from 'rate-limiter-flexible'

/**
 * The two classes of rate-limiter-flexible the project uses, each required from its own file:
 * the package's index requires every store it supports (Redis, MongoDB, Postgres, DynamoDB,
 * etcd…: ~36 files), which every start loaded for nothing. The limiter's own checks
 * (`instanceof RateLimiterRes`) hold: it requires these same files.
 */
const require = createRequire(import.meta.url)
export const RateLimiterMemory: typeof Flexible.RateLimiterMemory = require('rate-limiter-flexible/lib/RateLimiterMemory.js')
export type RateLimiterMemory = Flexible.RateLimiterMemory
export const RateLimiterRes: typeof Flexible.RateLimiterRes = require('rate-limiter-flexible/lib/RateLimiterRes.js')
export type RateLimiterRes = Flexible.RateLimiterRes
