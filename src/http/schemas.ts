import { z } from 'zod'
import { CODE_PATTERN, ID_PATTERN } from '../domain/directory-import.js'

/** Shared request pieces: path ids and codes, and paging. */
export const idParam = z.strictObject({ id: z.string().regex(ID_PATTERN, '编号格式无效') })
export const codeParam = z.strictObject({
  code: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(CODE_PATTERN, '代码格式无效')),
})

export const pageQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
}
