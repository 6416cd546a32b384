import type { z } from 'zod'
import { ValidationError } from '../errors.js'
import { issuesToDetails } from '../domain/zod-issues.js'

/** Parses one part of a request; a failure is a 400 listing every field with its path ("body.text"). */
export function parse<S extends z.ZodType>(schema: S, value: unknown, part: 'body' | 'query' | 'params'): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError('输入有误', issuesToDetails(result.error.issues, part))
  return result.data
}
