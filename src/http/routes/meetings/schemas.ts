import { z } from 'zod'
import { isBlank, longText, requiredLine, singleLine } from '../../../domain/free-text.js'
import { normalizePhone } from '../../../domain/phone.js'
import { DEPUTY_LEVELS } from '../../../domain/directory.js'
import { ID_PATTERN } from '../../../domain/directory-import.js'
import { MEETING_KINDS, MEETING_STATUSES } from '../../../domain/meeting.js'
import { MEETING_FILE_REF } from '../../../services/meetings/meeting-files.js'
import { pageQuery } from '../../schemas.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')
const text = requiredLine
const instant = z.iso.datetime({ offset: true, error: '时间应为带时区的 ISO 8601 格式' }).transform((s) => new Date(s))
const ids = (label: string) => z.array(id).max(10_000, `${label}过多`).optional()

export const meetingIdParam = z.strictObject({ id: z.string().regex(/^mt-[0-9a-f-]{36}$/, '会议编号格式无效') })
/** The meeting's id, or the code its QR code carries (scene m=<code>). */
export const checkInParam = z.strictObject({
  id: z.union([z.string().regex(/^mt-[0-9a-f-]{36}$/), z.string().regex(/^[A-Za-z0-9]{8}$/)], { error: '会议编号或签到码格式无效' }),
})

export const selectorBody = z.strictObject({
  levels: z.array(z.enum(DEPUTY_LEVELS)).max(5).optional(),
  stationIds: ids('联络站'),
  districtIds: ids('区县'),
  deputyIds: ids('代表'),
  staffIds: ids('工作人员'),
})

/** A link to another site, or a file uploaded to POST /api/admin/meeting-files (its `url`). */
const attachment = z.strictObject({
  name: text(100, '附件名称'),
  url: z.union([z.string().regex(MEETING_FILE_REF), z.url({ protocol: /^https?$/ }).max(1000)], { error: '附件应为 http(s) 链接或上传的文件' }),
})

/** Optional lines of the contact: empty (or blank) is none. */
const optionalLine = (max: number, label: string) =>
  singleLine()
    .max(max, `${label}最多 ${max} 字`)
    .transform((v) => (isBlank(v) ? null : v))
    .nullable()
/** An office extension after the number: "转 8001", "分机8001". */
const EXTENSION = /^(.*?)\s*(?:转|分机)\s*(\d{1,6})$/
/**
 * The contact phone as invitees are sent it: half-width (a full-width number is not tappable in WeChat), a mobile as its
 * 11 digits, a landline as typed without spaces ("0375-2345678"), an extension kept as "转8001". A number that is none
 * of these is left as typed, for the check after to refuse.
 */
function tidyContactPhone(typed: string | null): string | null {
  if (typed === null) return null
  const ascii = typed.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF08\uFF09]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim()
  const [, main, extension] = EXTENSION.exec(ascii) ?? [null, ascii, null]
  const number = normalizePhone(main)
  if (!number) return typed
  const shown = /^1/.test(number) ? number : main.replace(/\s+/g, '')
  return extension ? `${shown}转${extension}` : shown
}
/** Whom invitees call (会务联系人): a mobile or a landline with its area code, and an extension if any. */
const contactPhone = optionalLine(30, '联系电话')
  .transform(tidyContactPhone)
  .refine((v) => v === null || normalizePhone(EXTENSION.exec(v)?.[1] ?? v) !== null, '联系电话应为手机号或带区号的座机号，如 0375-2345678')

const fields = {
  title: text(100, '会议名称'),
  kind: z.enum(MEETING_KINDS, { error: '会议类型无效' }),
  startAt: instant,
  endAt: instant,
  place: text(200, '会议地点'),
  agenda: longText().max(5000, '议程最多 5000 字').default(''),
  attachments: z.array(attachment).max(20, '附件最多 20 个').default([]),
  selector: selectorBody,
  publicSeats: z.number().int('旁听名额应为整数').min(0).max(10_000).default(0),
  rsvpDeadline: instant.nullable().default(null),
  contactName: optionalLine(20, '会务联系人').default(null),
  contactPhone: contactPhone.default(null),
}

// Ending before starting is the service's to refuse (422, with the times in the past): a rule
// broken by well-formed times, not a malformed request. Said too with a 400's other problems (services/meetings/meeting-create-form.ts).
export const createBody = z.strictObject(fields)

export const editBody = z
  .strictObject({
    title: fields.title.optional(),
    kind: fields.kind.optional(),
    startAt: instant.optional(),
    endAt: instant.optional(),
    place: fields.place.optional(),
    agenda: longText().max(5000, '议程最多 5000 字').optional(),
    attachments: z.array(attachment).max(20, '附件最多 20 个').optional(),
    selector: selectorBody.optional(),
    publicSeats: z.number().int('旁听名额应为整数').min(0).max(10_000).optional(),
    rsvpDeadline: instant.nullable().optional(),
    contactName: optionalLine(20, '会务联系人').optional(),
    contactPhone: contactPhone.optional(),
    /** 通知参会人员：新增会议材料 — the papers this save adds are announced to the invitees (one message each). */
    tellNewPapers: z.boolean({ error: 'tellNewPapers 应为 true 或 false' }).optional(),
  })
  .refine((b) => Object.entries(b).some(([k, v]) => k !== 'tellNewPapers' && v !== undefined), { message: '请至少修改一项' })
  .refine((b) => !b.tellNewPapers || b.attachments !== undefined, {
    message: '通知参会人员新增材料时，请一并提交会议材料（attachments）',
    path: ['attachments'],
  })

/** More people for a published meeting, named the same way as at creation. */
export const addInviteesBody = z.strictObject({ selector: selectorBody })

export const cancelBody = z.strictObject({ reason: longText().max(500).nullable().optional() })

export const listQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(MEETING_STATUSES).optional(),
  from: instant.optional(),
  to: instant.optional(),
})

export const attendanceQuery = z.strictObject({ from: instant.optional(), to: instant.optional(), deputyId: id.optional() })

export const rsvpBody = z.discriminatedUnion(
  'response',
  [z.strictObject({ response: z.literal('attend') }), z.strictObject({ response: z.literal('leave'), reason: text(200, '请假原因') })],
  { error: '请回复 attend（参加）或 leave（请假，并写明原因）' },
)

/** 提醒 takes nothing: it reminds everyone still waiting. A body (say, chosen deputyIds) is refused, not silently ignored. */
export const remindBody = z.strictObject({})
export const checkInBody = z.strictObject({ code: z.string().trim().max(20).optional() })

export const publicRegistrationBody = z.strictObject({ name: text(30, '姓名') })

/** Staff record for an invitee: 已到会 (补签, with a note such as 纸质签到) or 请假 (with the reason). */
export const staffEntryBody = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('attended'), note: text(100, '补签说明') }), z.strictObject({ kind: z.literal('leave'), note: text(200, '请假原因') })],
  { error: '请选择登记到会（attended，写明补签说明）或登记请假（leave，写明原因）' },
)

/** One invitee of a meeting, by kind and id. */
export const inviteeParam = z.strictObject({
  ...meetingIdParam.shape,
  personKind: z.enum(['deputy', 'staff'], { error: '人员类型无效' }),
  personId: id,
})
