import { z } from 'zod'
import { longText } from '../../../domain/free-text.js'
import { ID_PATTERN } from '../../../domain/directory-import.js'
import { pageQuery } from '../../schemas.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')
const isoDateTime = z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 8601 格式' }).transform((s) => new Date(s))
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-23')
const topic = z.string().min(1).max(20)

export const hotIssuesQuery = z.strictObject({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  regionId: id.optional(),
  topic: topic.optional(),
})

export const seriesQuery = z.strictObject({
  interval: z.enum(['day', 'week', 'month']).default('week'),
  groupBy: z.enum(['community', 'district', 'topic', 'station', 'all']).default('all'),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  regionId: id.optional(),
  stationId: id.optional(),
  topic: topic.optional(),
})

/** A district's id or "city"; the week as any date in it (the report is Monday to Sunday). */
export const weeklyReportQuery = z.strictObject({ scope: id.optional(), week: day.optional() })

export const candidatesQuery = z.strictObject({ regionId: id.optional(), topic: topic.optional() })

export const publicationBody = z.strictObject({
  question: longText().pipe(z.string().min(5, '请填写公开的留言内容').max(3000, '留言内容不能超过3000字')),
  answer: longText().pipe(z.string().min(2, '请填写公开的答复内容').max(3000, '答复内容不能超过3000字')),
})

export const publicCasesQuery = z.strictObject({ ...pageQuery, topic: topic.optional(), districtId: id.optional(), stationId: id.optional() })

export const quarterQuery = z.strictObject({
  quarter: z
    .string()
    .regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q3')
    .optional(),
})
