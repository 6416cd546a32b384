import type { z } from 'zod'
import { stripInvisible } from '../../../domain/free-text.js'
import { parse } from '../../validate.js'
import { respondBody } from './schemas.js'

/** An answer's body as respondBody gives it. */
export type AnswerBody = z.output<typeof respondBody>

// respondBody's bounds, for the shape below: change them together.
const KEY_MAX = 64
const TEXT_MAX = 10_000
const CHOSEN_MAX = 200
/** Keys an object inherits: respondBody refuses them (its answerMap). */
const INHERITED_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * The body of POST /api/mp/surveys/:id/responses, parsed. The shape nearly every answer sends (`answers` of texts,
 * numbers and lists of option ids; no comments, or an empty list) is read directly, as respondBody reads it (texts
 * cleaned as longText cleans them); any other body goes through respondBody, which words every refusal. Under load,
 * zod's general path for this schema cost more than anything else of an answer's but its store write and session read.
 */
export function parseAnswerBody(body: unknown): AnswerBody {
  return plainAnswerBody(body) ?? parse(respondBody, body, 'body')
}

/**
 * respondBody's own result for the plain shape; null for any other body, and for any value respondBody would refuse or
 * change otherwise. test/unit/answer-body.test.ts holds the two side by side.
 */
export function plainAnswerBody(body: unknown): AnswerBody | null {
  if (!isPlainObject(body)) return null
  let given: unknown
  for (const key of Object.keys(body)) {
    const value = body[key]
    if (key === 'answers') given = value
    else if (key !== 'comments' || !Array.isArray(value) || value.length) return null
  }
  const answers: AnswerBody['answers'] = {}
  if (given !== undefined) {
    if (!isPlainObject(given)) return null
    for (const key of Object.keys(given)) {
      if (key.length > KEY_MAX || INHERITED_KEYS.has(key)) return null
      const value = given[key]
      if (typeof value === 'string') {
        const text = stripInvisible(value).trim()
        if (text.length > TEXT_MAX) return null
        answers[key] = text
      } else if (typeof value === 'number') {
        if (!Number.isFinite(value)) return null
        answers[key] = value
      } else if (Array.isArray(value)) {
        if (value.length > CHOSEN_MAX || !value.every((id) => typeof id === 'string' && id.length <= KEY_MAX)) return null
        answers[key] = [...(value as string[])]
      } else return null
    }
  }
  return { answers, comments: [] }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
}
