import { z } from 'zod'
import type { ErrorDetail } from '../errors.js'

// Users read these messages: zod speaks Chinese everywhere in the app.
z.config(z.locales.zhCN())

/** ['deputies', 17, 'stationIds', 0] → "deputies[17].stationIds[0]" (prefix "body" etc. when given). */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`
  return out || '(root)'
}

/** Zod issues as error details, one per problem, unknown keys named one by one. */
export function issuesToDetails(issues: ReadonlyArray<z.core.$ZodIssue>, prefix = ''): ErrorDetail[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key], prefix), message: '不允许的字段' }))
      : [{ path: formatPath(issue.path, prefix), message: issue.message }],
  )
}
