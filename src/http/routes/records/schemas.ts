import { z } from 'zod'
import { requiredLine, requiredText } from '../../../domain/free-text.js'
import { ID_PATTERN } from '../../../domain/directory-import.js'
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, MAX_ACTIVITY_PHOTOS } from '../../../domain/record-activity.js'
import { POINT_ITEMS } from '../../../domain/record-points.js'
import { pageQuery } from '../../schemas.js'
import { respondBody } from '../surveys/schemas.js'
import { RECORD_SORTS } from '../../../services/records/deputy-records.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')
/** A day the console's date picker gives (as an instant with its offset); missing or malformed, it was not picked. */
const pickedDay = (what: string) => z.iso.datetime({ offset: true, error: `请选择${what}日期` }).transform((s) => new Date(s))
const year = z.coerce.number().int('年度应为整数').min(2000, '年度无效').max(2100, '年度无效')

export const yearQuery = z.strictObject({ year: year.optional() })
export const deputyParam = z.strictObject({ deputyId: id })
export const activityParam = z.strictObject({ id: z.string().regex(/^ra-[0-9a-f-]{36}$/, '活动编号格式无效') })
export const appraisalParam = z.strictObject({ id: z.string().regex(/^sv-[0-9a-f-]{36}$/, '评议编号格式无效') })

export const recordListQuery = z.strictObject({
  year: year.optional(),
  /** By code (编号), the most points first, or the lowest 按时答复 first. */
  sort: z.enum(RECORD_SORTS, { error: '排序方式应为 code、points 或 repliedInTime' }).default('code'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: pageQuery.limit,
})

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS, { error: '活动类型无效' }),
  date: z.iso.date({ error: '活动日期应为 YYYY-MM-DD' }),
  place: requiredLine(100, '活动地点'),
  text: requiredText(2000, '活动内容'),
  photos: z.array(z.string().max(300)).min(1, '请附一张活动照片').max(MAX_ACTIVITY_PHOTOS, `照片最多 ${MAX_ACTIVITY_PHOTOS} 张`),
}
export const reportBody = z.strictObject({ ...activityFields, stationId: id.nullable().optional() })
export const resubmitBody = z.strictObject(activityFields)

export const activityListQuery = z.strictObject({
  status: z.enum(ACTIVITY_STATUSES, { error: '状态无效' }).optional(),
  deputyId: id.optional(),
  ...pageQuery,
})
export const mineQuery = z.strictObject(pageQuery)

export const reviewBody = z
  .strictObject({
    decision: z.enum(['approve', 'return'], { error: '审核结果应为 approve 或 return' }),
    reason: requiredLine(200, '退回理由').nullable().default(null),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'return' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '退回须说明理由' })
  })

export const rulesQuery = z.strictObject({ office: id.optional() })
export const rulesBody = z.strictObject({
  office: id.optional(),
  rules: z
    .array(
      z.strictObject({
        item: z.enum(POINT_ITEMS, { error: '积分项目无效' }),
        points: z.number().min(-100, '每项分值在 -100 到 100 之间').max(100, '每项分值在 -100 到 100 之间'),
        cap: z.number().min(0, '上限不能小于 0').max(10_000).nullable().default(null),
      }),
    )
    .max(POINT_ITEMS.length, '积分项目过多'),
})

/** Ending before starting is the service's to refuse (422): a rule broken by well-formed times. */
export const openAppraisalBody = z.strictObject({ year, opensAt: pickedDay('开始'), closesAt: pickedDay('结束') })

/** 延长评议 / 重新开放: the new end; too early (before the one in force, or now) is the service's to refuse (422). */
export const extendAppraisalBody = z.strictObject({ closesAt: pickedDay('新的结束') })

export const appraisalAnswerBody = z.strictObject({ regionId: id, answers: respondBody.shape.answers })
