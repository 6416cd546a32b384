/**
 * The value rules of subscribe-message keywords (wechat.md §2.4), applied before sending:
 * WeChat answers 47003 for any value that breaks them, and the message is then lost.
 * A value that can be shortened without lying is cut; anything else is refused with a
 * reason. Pure functions, no I/O.
 */

export const SUBSCRIBE_VALUE_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
  'enum',
] as const
export type SubscribeValueType = (typeof SUBSCRIBE_VALUE_TYPES)[number]

export type ValueCheck = { ok: true; value: string; cut: boolean } | { ok: false; reason: string }

export interface SubscribeDataProblem {
  key: string
  reason: string
}

/** The keyword's type is its name without the trailing index: thing1 → thing, character_string2 → character_string. */
export function subscribeValueType(key: string): SubscribeValueType | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(key)
  const type = match?.[1]
  return type && (SUBSCRIBE_VALUE_TYPES as readonly string[]).includes(type) ? (type as SubscribeValueType) : null
}

// Characters are counted as code points, as WeChat counts them (an emoji is one character).
const chars = (s: string) => Array.from(s)
const take = (s: string, n: number) => chars(s).slice(0, n).join('').trimEnd()

const HAN = /^\p{Script=Han}+$/u
// A Chinese name may carry the middle dot of transliterated names (阿依古丽·买买提).
const HAN_NAME = /^\p{Script=Han}+(?:[·•]\p{Script=Han}+)*$/u
const LETTERS = /^[A-Za-z]+$/
const ASCII_SYMBOLS = /^[!-/:-@[-`{-~]+$/
const ASCII_PRINTABLE = /^[ -~]+$/
const LETTERS_OR_SYMBOLS = /^[A-Za-z !-/:-@[-`{-~]+$/
const DIGITS_OR_SYMBOLS = /^[0-9 !-/:-@[-`{-~]+$/
const NUMBER = /^-?\d+(?:\.\d+)?$/
const SYMBOLS = /^[\p{P}\p{S}]+$/u
const AMOUNT = /^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$/
const CAR_NUMBER = /^\p{Script=Han}?[A-Za-z0-9]+\p{Script=Han}?$/u

const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`
const DAY = String.raw`\d{4}(?:年(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\d|3[01])日|[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01]))`
const TIME_POINT = String.raw`(?:${DAY}\s*)?${CLOCK}`
const DATE_POINT = String.raw`${DAY}(?:\s*${CLOCK})?`
/** 15:01, 2019年10月1日 15:01, or a range of them joined by ~. */
const TIME = new RegExp(String.raw`^${TIME_POINT}(?:\s*~\s*${TIME_POINT})?$`)
/** 2019年10月1日 (or 2019-10-01, 2019/10/1, 2019.10.1), optionally with a time, or a range. */
const DATE = new RegExp(String.raw`^${DATE_POINT}(?:\s*~\s*(?:${DATE_POINT}|${CLOCK}))?$`)

/** No control characters may reach WeChat: line breaks and tabs become one space, the rest go. */
export function withoutControlCharacters(value: string): string {
  return value
    .replace(/\s*[\r\n\t\v\f\u0085\u2028\u2029]+\s*/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim()
}

const refuse = (key: string, zh: string, en: string): ValueCheck => ({ ok: false, reason: `${key}: ${zh} (${en})` })
const keep = (value: string): ValueCheck => ({ ok: true, value, cut: false })
const cutTo = (value: string, limit: number, ellipsis: boolean): ValueCheck => {
  if (chars(value).length <= limit) return keep(value)
  return { ok: true, value: ellipsis ? `${take(value, limit - 1)}…` : take(value, limit), cut: true }
}

/** Checks one keyword value: `{ ok, value, cut }` with the value to send, or `{ ok: false, reason }`. */
export function checkSubscribeValue(key: string, raw: string): ValueCheck {
  const type = subscribeValueType(key)
  if (!type) return refuse(key, '不是订阅消息模板的关键词类型', 'not a subscribe-message keyword type')
  if (typeof raw !== 'string') return refuse(key, '值必须是文字', 'value must be a string')
  const value = withoutControlCharacters(raw)
  if (value === '') return refuse(key, '值不能为空', 'value must not be empty')
  const n = chars(value).length

  switch (type) {
    case 'thing':
      return cutTo(value, 20, true)
    case 'number':
      return NUMBER.test(value) && n <= 32 ? keep(value) : refuse(key, '只能是32位以内的数字（可带小数）', 'at most 32 digits, decimals allowed')
    case 'letter':
      return LETTERS.test(value) ? cutTo(value, 32, false) : refuse(key, '只能是字母', 'letters only')
    case 'symbol':
      return SYMBOLS.test(value) && n <= 5 ? keep(value) : refuse(key, '只能是5个以内的符号', 'at most 5 symbols')
    case 'character_string':
      return ASCII_PRINTABLE.test(value) ? cutTo(value, 32, false) : refuse(key, '只能是数字、字母或符号', 'digits, letters or symbols only')
    case 'time':
      return TIME.test(value) ? keep(value) : refuse(key, '时间格式应为 15:01 或 2019年10月1日 15:01', 'time must look like 15:01 or 2019年10月1日 15:01')
    case 'date':
      return DATE.test(value) ? keep(value) : refuse(key, '日期格式应为 2019年10月1日', 'date must look like 2019年10月1日')
    case 'amount':
      return AMOUNT.test(value) ? keep(value) : refuse(key, '金额应为币种符号加10位以内数字', 'a currency symbol and at most 10 digits')
    case 'phone_number':
      return DIGITS_OR_SYMBOLS.test(value) && n <= 17 ? keep(value) : refuse(key, '电话号码只能是17位以内的数字或符号', 'at most 17 digits or symbols')
    case 'car_number':
      return CAR_NUMBER.test(value) && n <= 8 ? keep(value) : refuse(key, '车牌号只能是8位以内', 'a plate of at most 8 characters')
    case 'name':
      if (HAN_NAME.test(value)) return cutTo(value, 10, false)
      if (LETTERS_OR_SYMBOLS.test(value)) return cutTo(value, 20, false)
      return refuse(key, '姓名只能是纯汉字或纯字母', 'Chinese characters only, or letters only')
    case 'phrase':
      return HAN.test(value) && n <= 5 ? keep(value) : refuse(key, '只能是5个以内的汉字', 'at most 5 Chinese characters')
    case 'enum':
      // Only the template knows its enumerated values; WeChat judges them.
      return keep(value)
  }
}

/** Checks every keyword of a message: the values to send, and every value that had to be refused. */
export function prepareSubscribeData(data: Record<string, string>): {
  values: Record<string, string>
  cut: string[]
  problems: SubscribeDataProblem[]
} {
  const values: Record<string, string> = {}
  const cut: string[] = []
  const problems: SubscribeDataProblem[] = []
  for (const [key, raw] of Object.entries(data)) {
    const check = checkSubscribeValue(key, raw)
    if (!check.ok) problems.push({ key, reason: check.reason })
    else {
      values[key] = check.value
      if (check.cut) cut.push(key)
    }
  }
  if (Object.keys(data).length === 0) problems.push({ key: 'data', reason: 'data: 至少需要一个关键词 (at least one keyword)' })
  return { values, cut, problems }
}

// Making an Intl formatter costs far more than using one (it was a tenth of draining the outbox): one per time zone.
const formats = new Map<string, Intl.DateTimeFormat>()
function zonedParts(date: Date, timeZone: string) {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formats.set(timeZone, format)
  }
  const parts = format.formatToParts(date)
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') }
}

/** A `time` keyword value in the given time zone: 2026年11月25日 09:00. */
export function formatWeChatTime(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone)
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`
}

/** A `date` keyword value in the given time zone: 2026年11月25日. */
export function formatWeChatDate(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone)
  return `${p.year}年${p.month}月${p.day}日`
}
