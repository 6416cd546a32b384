import { z } from 'zod'
import type { ErrorDetail } from '../errors.js'
import { FIELD, fieldLabel, plainMessage } from './zod-messages.js'

// Users read these messages: plain Chinese everywhere in the app, zod's own Chinese only
// for what plainMessage does not cover.
z.config(z.locales.zhCN())
z.config({ customError: plainMessage })

/** ['deputies', 17, 'stationIds', 0] → "deputies[17].stationIds[0]" (prefix "body" etc. when given). */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`
  return out || '(root)'
}

/** Zod issues as error details, one per problem, unknown keys named one by one, fields named in Chinese. */
export function issuesToDetails(issues: ReadonlyArray<z.core.$ZodIssue>, prefix = ''): ErrorDetail[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key], prefix), message: '不允许的字段' }))
      : [{ path: formatPath(issue.path, prefix), message: issue.message.replaceAll(FIELD, fieldLabel(issue.path)) }],
  )
}
