import { z } from 'zod'
import { longText, requiredLine, singleLine } from '../../../domain/free-text.js'
import { REFLECTION_MAX, TITLE_MAX } from '../../../domain/campaign.js'
import { DEPUTY_LEVELS } from '../../../domain/directory.js'
import { ID_PATTERN } from '../../../domain/directory-import.js'
import { pageQuery } from '../../schemas.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')
const text = requiredLine
const instant = z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 8601 格式' }).transform((s) => new Date(s))
const campaignId = z.string().regex(/^cp-[0-9a-f-]{36}$/, '活动编号格式无效')
const itemId = z.string().regex(/^ri-[0-9a-f-]{36}$/, '学习材料编号格式无效')

export const campaignIdParam = z.strictObject({ id: campaignId })
/** 提醒 takes nothing: it reminds everyone still waiting. A body (say, chosen deputyIds) is refused, not silently ignored. */
export const remindBody = z.strictObject({})
export const itemIdParam = z.strictObject({ id: itemId })
export const campaignsQuery = z.strictObject({
  ...pageQuery,
  /** 只看我创建的: only the campaigns the caller created. */
  createdBy: z.literal('me', { error: '创建人只能是 me（只看我创建的）' }).optional(),
})

export const audienceSchema = z.strictObject({
  levels: z.array(z.enum(DEPUTY_LEVELS)).max(DEPUTY_LEVELS.length).optional(),
  stationIds: z.array(id).max(1000).optional(),
  districtIds: z.array(id).max(200).optional(),
  deputyIds: z.array(id).max(10_000).optional(),
  staff: z.boolean().optional(),
  followers: z.boolean().optional(),
})

/** The console's count while the organizer chooses whom a campaign is for. */
export const audiencePreviewBody = z.strictObject({ audience: audienceSchema })

/** Ending before starting is the service's to refuse (422): a rule broken by well-formed times. */
export const campaignBody = z.strictObject({
  title: text(TITLE_MAX, '标题'),
  description: longText().max(2000, '简介最多 2000 字').default(''),
  /** Absent: it starts now, by the server's clock (an office PC's clock may run ahead or behind). */
  startsAt: instant.optional(),
  endsAt: instant,
  audience: audienceSchema,
  /** 每月一次: the job opens an issue for each month of the window. */
  repeat: z.enum(['monthly'], '重复方式只能是每月一次（monthly）').nullable().optional(),
})

/** 上下同题: the district or street taking up a city-level campaign (absent: the organizer's own one). */
export const adoptionBody = z.strictObject({
  areaId: id.optional(),
  description: longText().max(2000, '简介最多 2000 字').optional(),
})

export const itemBody = z
  .strictObject({
    title: text(TITLE_MAX, '标题'),
    summary: longText().max(300, '摘要最多 300 字').default(''),
    /** Rich text; sanitised by the service before it is stored. */
    body: longText().max(200_000, '正文过长').nullable().optional(),
    link: z
      .url({ protocol: /^https$/, error: '链接须为 https 地址' })
      .max(1000, '链接最多 1000 个字符')
      .nullable()
      .optional(),
    source: singleLine().max(100, '来源最多 100 字').default(''),
    required: z.boolean().default(false),
    /** Absent or null: publish now. */
    publishAt: instant.nullable().optional(),
    /** Keep it as a draft until POST …/items/:itemId/publish. */
    draft: z.boolean().default(false),
  })
  .refine((b) => !b.body?.trim() !== !b.link, { path: ['body'], message: '请填写正文或链接（二选一）' })

export const itemParams = z.strictObject({ id: campaignId, itemId })

/** A correction of a campaign: what is given changes. */
export const campaignCorrectionBody = z
  .strictObject({
    title: text(TITLE_MAX, '标题').optional(),
    description: longText().max(2000, '简介最多 2000 字').optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    /** 提前结束: ends it now, by the server's clock. */
    endNow: z.literal(true, { error: '提前结束只能是 true' }).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '请至少修改一项' })
  .refine((b) => !(b.endNow && b.endsAt), { path: ['endsAt'], message: '提前结束时不用再填结束时间' })

/** A correction of a reading item: what is given changes (a body replaces a link and the other way round). */
export const itemCorrectionBody = z
  .strictObject({
    title: text(TITLE_MAX, '标题').optional(),
    summary: longText().max(300, '摘要最多 300 字').optional(),
    // null: no body (a link is given instead).
    body: longText().max(200_000, '正文过长').nullable().optional(),
    link: z
      .url({ protocol: /^https$/, error: '链接须为 https 地址' })
      .max(1000, '链接最多 1000 个字符')
      .nullable()
      .optional(),
    source: singleLine().max(100, '来源最多 100 字').optional(),
    required: z.boolean().optional(),
    publishAt: instant.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '请至少修改一项' })
  .refine((b) => !(b.body != null && b.link != null), { path: ['body'], message: '请填写正文或链接（二选一）' })

export const progressQuery = z.strictObject({ groupBy: z.enum(['person', 'station', 'district']).default('person') })

export const checkInBody = z.strictObject({
  itemId: itemId.nullable().optional(),
  reflection: longText().max(REFLECTION_MAX, `心得最多 ${REFLECTION_MAX} 字`).nullable().optional(),
})
