import { z } from 'zod'
import { requiredLine, singleLine } from '../../../domain/free-text.js'
import { STAFF_ROLES } from '../../../domain/directory.js'
import { ID_PATTERN, USERNAME_PATTERN } from '../../../domain/directory-import.js'
import { pageQuery } from '../../schemas.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')

export const staffSearchQuery = z.strictObject({
  ...pageQuery,
  q: singleLine().min(1).max(50).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  stationId: id.optional(),
  unitId: id.optional(),
})

export const staffCreateBody = z.strictObject({
  name: requiredLine(100, '姓名'),
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, '登录账号以英文字母开头，只含字母、数字、_ - .，2–32 位（大写字母存为小写）'),
  role: z.enum(STAFF_ROLES),
  stationIds: z.array(id).max(50).default([]),
  regionIds: z.array(id).max(50).default([]),
  /** An organizer's 全市, said in so many words: no regions alone never means the whole city (StaffService). */
  wholeCity: z.boolean().optional(),
  unitIds: z.array(id).max(20).default([]),
})

export const staffEditBody = z
  .strictObject({
    name: requiredLine(100, '姓名').optional(),
    role: z.enum(STAFF_ROLES).optional(),
    stationIds: z.array(id).max(50).optional(),
    // null is no regions, refused or kept by the service in words that name the field (an organizer's 全市 is said).
    regionIds: z.array(id).max(50).nullable().optional(),
    wholeCity: z.boolean().optional(),
    unitIds: z.array(id).max(20).optional(),
    active: z.boolean().optional(),
  })
  .refine((o) => Object.keys(o).length > 0, { message: '没有要修改的字段' })
