import { z } from 'zod'
import { cleanedLine, isBlank, longText, opaqueId, requiredText, singleLine } from '../../../domain/free-text.js'
import { ID_PATTERN } from '../../../domain/directory-import.js'

const contact = opaqueId().min(1).max(128)
const ticket = z.string().regex(/^\d{8}-\d{4,}$/, '留言编号格式如 20261122-0042')
export const personParam = z.strictObject({ personId: z.string().regex(/^mu-[0-9a-f-]{36}$/, '编号格式无效') })
export const personTicketParam = personParam.extend({ ticket })
/** A resident's own number: the whole one, or its last four digits (which start again at 0001 each day). */
export const personCasesQuery = z.strictObject({
  ref: z
    .string()
    .regex(/^(\d{8}-\d{4,}|\d{4})$/, '请发留言编号或其后四位')
    .optional(),
  /** Only those she can withdraw, or ask to be handled again, now. */
  can: z.enum(['withdraw', 'reopen']).optional(),
})
export const personRefParam = personParam.extend({ ref: z.string().regex(/^(\d{8}-)?\d{1,6}$/, '请发留言编号或其后四位') })
export const stationCodeParam = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,24}$/, '联络站编号只含字母、数字'),
})
export const contactParam = z.strictObject({ contactId: contact })

export const seenBody = z.strictObject({
  messageId: opaqueId().min(1).max(200),
  claim: z
    .string()
    .regex(/^[\w-]{8,64}$/)
    .optional(),
})
export const resolveBody = z.strictObject({ contactId: contact, alias: cleanedLine().max(64).nullable().optional(), name: cleanedLine().max(100).optional() })
export const consentBody = z.strictObject({ version: z.string().min(1).max(20) })
/**
 * `keepHours`: how long the dialogue may be kept unless saved again (at most the week a draft is kept). `holdsWords`:
 * it holds her words not sent yet (when they go at that time, she is told at her next message).
 */
export const dialogueBody = z.strictObject({
  state: z.record(z.string(), z.unknown()),
  keepHours: z.number().int().min(1).max(168).optional(),
  holdsWords: z.boolean().optional(),
})
export const regionsQuery = z.strictObject({ parentId: z.string().regex(ID_PATTERN).optional() })
export const deputiesQuery = z.strictObject({ q: singleLine().min(1).max(20) })
export const caseBody = z.strictObject({
  text: requiredText(2000, '留言内容'),
  regionId: z.string().max(64).nullable().optional(),
  deputyCode: z.string().trim().max(40).nullable().optional(),
  stationCode: z.string().trim().max(40).nullable().optional(),
  /** She answered that she sends it again, after being told the same words are on a message of hers being handled (409 same_message_open). */
  sendAgain: z.boolean().default(false),
})
export const rateBody = z.strictObject({
  rating: z.number().int('评分应为 1–5 的整数').min(1, '评分应为 1–5 的整数').max(5, '评分应为 1–5 的整数'),
  comment: longText().max(500).optional(),
})
/** Said text: one of only zero-width characters shows nothing, so it is no reason and no comment (it used up her one comment). */
const said = (max: number, empty: string) =>
  longText()
    .refine((t) => !isBlank(t), empty)
    .max(max)
export const reasonBody = z.strictObject({ reason: said(500, '请说明原因') })
/** 转交: to a colleague by code, or back to the station when none is given. */
export const transferBody = reasonBody.extend({ deputyCode: z.string().trim().min(1, '请选择接手的代表').max(40).nullable().optional() })
/**
 * Her words to the deputy, said after the score she gave (the mini-program sends them with it). `confirmed`: she
 * answered that they are about this message, so they are taken whatever they name.
 */
export const commentBody = z.strictObject({ comment: said(500, '请写下您想说的话'), confirmed: z.literal(true).optional() })
/** A resident's new words, to find her earlier message about the same matter (as long as a message may be). */
export const sameMatterBody = z.strictObject({ text: requiredText(2000, '留言内容') })
export const textBody = z.strictObject({ text: requiredText(2000, '答复内容') })
/**
 * Six digits for a deputy's or staff member's code, eight for a resident's own (mp-account.ts RESIDENT_CODE_DIGITS);
 * `name`: the chat's WeChat name, which a resident is asked about in the mini-program before her chat joins.
 */
export const bindBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^(?:\d{6}|\d{8})$/, '绑定码为 6 位或 8 位数字'),
  name: cleanedLine().max(100).nullable().optional(),
})
export const roomBindBody = z.strictObject({
  personId: z.string().regex(/^mu-[0-9a-f-]{36}$/),
  roomId: opaqueId().min(1).max(128),
  stationCode: z.string().trim().min(1).max(24),
  /** The group's name, to find it again when a re-login gives it a new id: kept as WeChat has it, to match exactly, never shown. */
  topic: z.string().max(200).nullable().optional(),
})
export const alertBody = z.strictObject({
  kind: z.enum(['rate_limited', 'logged_out', 'logged_in']),
  text: requiredText(500, '提醒内容'),
  // The console shows this as a link to scan: only a web address, never javascript: or data:.
  qrUrl: z
    .url({ protocol: /^https?$/, error: '二维码地址应为 http(s) 网址' })
    .max(2000)
    .optional(),
})
