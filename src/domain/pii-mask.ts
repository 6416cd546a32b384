/**
 * Masks what identifies a person in free Chinese text, for anonymised cases (PIPL art. 47):
 * ID numbers, mobile and landline numbers, e-mail addresses, house numbers of an address
 * and names: those a writer gives for themselves ("我叫张三", "本人李四"), a surname with a form of address
 * ("王大爷") and the familiar 老王, 小张 (familiar-names.ts). The rest of the text is
 * kept, so that what was asked and answered still counts and still reads.
 *
 * Pure and deliberately eager: masking a word too many in an anonymised case costs little,
 * one too few costs a person's privacy.
 */

import { familiarNamesMasked } from './familiar-names.js'
import { COMPOUND_SURNAMES, SURNAMES } from './surnames.js'

/**
 * What stands in place of what was hidden, in words a reader takes as said on purpose: "电话（已隐去）", not
 * "电话〔手机号〕", which on a public page read as a form's field left broken. A number nearly always follows the word
 * that names it (电话, 身份证, 微信, QQ, 邮箱), so "（已隐去）" says enough, no longer than the old mask (quotes cut at a
 * length keep as many of her words); a home's door does not ("5号楼2单元（已隐去）" would not say what), so it says
 * "（门牌号已隐去）". Read back by the quoting rules (never cut inside one: openMaskAt; her card stops before the first:
 * firstMaskAt), by these exact words, as text masked before (the 〔…〕 of older records, kept in stored anonymised and
 * erased text) is too.
 */
const HIDDEN = '（已隐去）'
export const MASKS = {
  idNumber: HIDDEN,
  mobile: HIDDEN,
  landline: HIDDEN,
  email: HIDDEN,
  houseNumber: '（门牌号已隐去）',
  wechat: HIDDEN,
  qq: HIDDEN,
  name: '某某',
} as const

/** The bracketed masks, each as its characters: what openMaskAt and firstMaskAt look for. */
const BRACKETED = [...new Set(Object.values(MASKS).filter((m) => m.startsWith('（')))]
const MASK_WORDS = BRACKETED.map((m) => Array.from(m))

/**
 * Where a mask cut short at the end of `chars` starts ("住建设路（门牌" → at "（"), or -1 when the end is not inside one:
 * a quote cut there would leave the reader guessing. Older text's "〔…" counts as well.
 */
export function openMaskAt(chars: string[]): number {
  const old = chars.lastIndexOf('〔')
  let at = old > chars.lastIndexOf('〕') ? old : -1
  for (const word of MASK_WORDS) {
    for (let k = Math.min(word.length - 1, chars.length); k > 0; k--) {
      const start = chars.length - k
      if ((at < 0 || start < at) && word.slice(0, k).every((c, i) => chars[start + i] === c)) at = start
    }
  }
  return at
}

/** The index in `text` of its first mask (a whole one, or an older 〔…〕), -1 when none. */
export function firstMaskAt(text: string): number {
  const found = [text.indexOf('〔'), ...BRACKETED.map((m) => text.indexOf(m))].filter((i) => i >= 0)
  return found.length ? Math.min(...found) : -1
}

// Digits as typed on Chinese phones: ASCII or full-width; separators between groups: a dash or a dot, with a space
// either side or not, or one or two spaces ("138-1234-5678", "138.1234.5678", "138  1234  5678").
const D = '[0-9０-９]'
const SEP = '(?:\\s?[-－—.．·]\\s?|\\s{1,2})?'
// A mobile number's groups may also stand apart by a comma, as it is read out or typed in a hurry ("138，1234，5678"):
// only there, a longer number cut by commas is an amount far more often than an ID or landline.
const PHONE_SEP = '(?:\\s?[-－—.．·,，、]\\s?|\\s{1,2})?'
// Latin letters may come right before a number ("Tel13812345678", "QQ…", "ID…": typed without a space); only a digit
// before it means the digits run on into a longer number that is no phone or ID.
const NOT_DIGIT_BEFORE = `(?<![0-9０-９])`
const NOT_DIGIT_AFTER = `(?![0-9０-９A-Za-z])`

/**
 * 18 digits (the last may be X, full-width too as phones type it): 6 for the place, the birth date, 3 more and a check digit;
 * or the first-generation 15 (cards issued before 1999, still in older residents' papers): the place, the birth date
 * with a two-digit year, 3 more. Written in groups as people copy it from the card or a form ("1101 0119 9001 0112 34",
 * "110101 19900101 1234"): a separator may stand every two digits from the fourth on, where those groups break.
 */
const ID_NUMBER = new RegExp(
  `${NOT_DIGIT_BEFORE}(?:` +
    `${D}{4}${SEP}${D}{2}${SEP}(?:18|19|20)${SEP}${D}{2}${SEP}(?:0[1-9]|1[0-2])${SEP}(?:0[1-9]|[12]\\d|3[01])${SEP}${D}{2}${SEP}${D}[0-9０-９XxＸｘ]` +
    `|${D}{4}${SEP}${D}{2}${SEP}${D}{2}${SEP}(?:0[1-9]|1[0-2])${SEP}(?:0[1-9]|[12]\\d|3[01])${SEP}${D}{3}` +
    `)${NOT_DIGIT_AFTER}`,
  'g',
)
/**
 * Numbers cut by commas and followed by a unit of money or area are amounts listed one after another
 * ("135，2000，3000元"), never a phone: a phone read out in groups is not followed by 元 (元旦 aside). Only the units
 * that say so unmistakably: words that merely start with a count character follow a phone as often ("…5678多谢代表",
 * "…5678天天有人在家", "…5678个人电话"), and a phone left bare reaches whoever reads it; 多/余 only right before such a
 * unit ("3000多元"). Only after a comma: a run of digits ("13812345678") or of dashes is a phone whatever follows. In
 * MOBILE and CN_MOBILE alike (the second reads digits too).
 */
const notAnAmount = (digit: string) => `(?!(?<=[,，、]\\s?${digit}{4})\\s?(?:[多余]?(?:元(?!旦)|[块万千百户%％]|平米|平方米)))`
/** 1[3-9]x xxxx xxxx, with or without +86 and separators. */
const MOBILE = new RegExp(
  `${NOT_DIGIT_BEFORE}(?:(?:\\+|＋)?86${SEP})?1[3-9３-９]${D}${PHONE_SEP}${D}{4}${PHONE_SEP}${D}{4}${NOT_DIGIT_AFTER}${notAnAmount(D)}`,
  'g',
)
/**
 * A mobile number in Chinese numerals, or partly ("一三八一二三四五六七八", "幺三八 1234 5678": 幺 is how 1 is said on the
 * phone): read aloud from a card, or typed so that a filter would not see it. The same groups and separators as MOBILE;
 * it runs after MOBILE, so what is left to it always has a Chinese numeral in it.
 */
const CN_DIGIT = '[0-9〇零一二三四五六七八九幺]'
const CN_MOBILE = new RegExp(
  `(?<![0-9〇零一二三四五六七八九幺十百千万两])[1一幺]${PHONE_SEP}[3-9三四五六七八九]${CN_DIGIT}${PHONE_SEP}${CN_DIGIT}{4}${PHONE_SEP}${CN_DIGIT}{4}(?![0-9〇零一二三四五六七八九幺十百千万A-Za-z])${notAnAmount(CN_DIGIT)}`,
  'g',
)
/**
 * An area code (0 and 2–3 digits, maybe in brackets) and a 7–8 digit number, which may itself be written in two groups
 * as it is read out ("0571.8765 4321", "010-8765-4321", "0571 876 5432").
 */
const LANDLINE = new RegExp(`${NOT_DIGIT_BEFORE}[(（]?0${D}{2,3}[)）]?${SEP}${D}{3,4}${SEP}${D}{4}${NOT_DIGIT_AFTER}`, 'g')
/**
 * A bare 7–8 digit local number right after a word that says it is a phone number: in one run, or in the two groups
 * it is read out in ("座机8765-4321", "电话：8765 4321", "876-5432"), as most people write a landline without its area code.
 */
const LABELLED_NUMBER = new RegExp(`((?:电话|座机|手机|联系方式|号码)(?:号码|是|为)?[:：\\s]*)(?:${D}{7,8}|${D}{3,4}${SEP}${D}{4})${NOT_DIGIT_AFTER}`, 'g')
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
// Words that say a QQ or WeChat account follows ("QQ 12345678", "扣扣：…", "微信号…", "加我vx…", "加V：…", "wechat:…").
const QQ_WORD = '(?:QQ|扣扣|企鹅号)'
const WECHAT_WORD = '(?:微信|威信|薇信|V信|vx|wx|weixin|wechat|加V)'
const ACCOUNT_TAIL = '(?:号码|账号|号)?\\s?(?:是|为)?[:：\\s]*'
/**
 * An account given after a word that says so: a WeChat id ("微信号zhangsan_1990", "加我微信：wx123456": 6–20 characters,
 * starting with a letter), or a bare QQ number (5–11 digits) or WeChat account in digits ("QQ 123456789", "微信号 88886666").
 * Digits only after such a word: a bare number is an amount, a year or a door far more often; and never a sum, a date or a
 * count after it ("微信500元"), nor the 123xx public hotlines ("微信12345热线"). One pattern for both: it is tried at
 * every character of every text a deputy reads.
 */
const ACCOUNT = new RegExp(
  `((${QQ_WORD})|${WECHAT_WORD})(${ACCOUNT_TAIL})(?:(?!123\\d\\d(?!\\d))[0-9]{5,11}(?![0-9A-Za-z_]|[年月日号元块角万千百个人次户岁期届楼层室栋米平天条件%％])|([A-Za-z][A-Za-z0-9_-]{5,19})(?![A-Za-z0-9_-]))`,
  'gi',
)

// House numbers: "12号", "3栋", "2单元", "501室", "三号楼". After a road, lane, village or
// estate one part is enough; elsewhere two in a row ("3栋2单元") make an address.
const NUM = '[0-9０-９一二三四五六七八九十百零〇两甲乙丙丁A-Za-z]+(?:-[0-9０-９]+)?'
const UNIT = '(?:号楼|号院|号|栋|幢|座|单元|楼|层|室|户|弄|组)'
const PLACE_WORD = '(?:路|街|大街|大道|巷|胡同|弄|里|村|屯|庄|组|小区|花园|家园|新村|苑|公寓|大厦|广场|社区|院|湾|城)'
// A number followed by a dot and a digit is a date or a sum ("五楼2024.3.1开始漏水"), no room.
const NOT_DATE = '(?![.．][0-9])'
/**
 * A year and what was done to a building in it ("1号楼2020建成", "3栋1998年交房" has its 年 already): no room. Only these
 * words, which a household does not do: a room 2020 (20th floor) is as likely as a year after a building otherwise, and
 * a room kept costs a home. Not 装修/翻新/改造/入住 nor a bare 建 or 盖: "楼上3栋2001装修太吵" is the commonest noise
 * complaint there is, about the home on the 20th floor.
 */
const NOT_A_BUILT_YEAR = '(?!(?:19|20)[0-9]{2}(?:建成|竣工|落成|交付|交房|投用|投入使用|开工|动工))'
/** A room number written bare after the building or entrance ("2单元402"). */
const BARE_ROOM = `((?<=单元|栋|幢|号楼|楼)${NOT_A_BUILT_YEAR}[0-9]{2,4}(?![0-9年月日号元块米])${NOT_DATE})?`
// One space may stand after the place word ("和平路 3号楼"): the number is the same street's.
const AFTER_PLACE = new RegExp(`(${PLACE_WORD})(\\s?)((?:${NUM}${UNIT})+)${BARE_ROOM}(?!线|路|月|日|点|年)`, 'g')
/**
 * Two parts in a row ("3栋2单元"), or one part and a bare room after it ("5楼502", "3号楼1202"): a home wherever it stands.
 * A number after one part is a room only when nothing says it counts something ("3号楼100多户", "一楼120平米"); 天天 and
 * 多次 say how often, not how many ("3号楼1202天天漏水", "3栋1202多次找物业").
 */
const LONE_ROOM = `(?<=单元|栋|幢|座|号楼|楼|层)${NOT_A_BUILT_YEAR}[0-9]{3,4}(?![0-9A-Za-z年月日号元块角万千百余个人户平米岁次期届%％]|天(?!天)|多(?!次))${NOT_DATE}`
// The first part written once: tried at every character, an alternation of two whole patterns costs twice.
const UNIT_RUN = new RegExp(`(?<![月年])${NUM}${UNIT}(?:(?:${NUM}${UNIT})+${BARE_ROOM}|${LONE_ROOM})`, 'g')

/**
 * The building and entrance, for staff at work (maskForCaseWork): a building ("3号楼", "5栋", "A座") and its entrance
 * ("3号楼2单元"), or an entrance alone ("2单元"), at the head of an address in an estate or community. They name a
 * stairway of a dozen homes or more, no household, and without them a station clerk cannot find the place or tell which
 * lift or lamp is broken. What follows them is a home and masked: a floor, room or door ("3号楼2单元（门牌号已隐去）" for
 * "3号楼2单元5楼502", "502室"). A street's number is masked whole ("建设路12号", "和平路3号楼2单元" is a street
 * address), and so is an address that does not start with a building ("12号3栋", "88号院3号楼", "3楼").
 * A room written apart from them ("3号楼2单元 501", "…的501", "…，501室", "3-502", "五零一", "西户", "顶楼") would
 * make them a home again: when one stands anywhere else in the message (one writer, most likely her own door), the
 * building and entrance are masked too (ROOM_LIKE).
 */
const STREET_WORD = /(?:路|街|大街|大道|巷|胡同|弄|里)$/
const BUILDING_HEAD = new RegExp(`^(?:${NUM}(?:号楼|栋|幢|座)(?:${NUM}单元)?|${NUM}单元)`)
/** What says the number is a count, a sum, a date or a time, no room ("100多户", "300元", "2024年", "2024.3.1", "8:30"). */
const NOT_A_COUNT = '(?![0-9.．:：年月日号元块角万千百多余个人户平米岁次期届点分%％])'
/**
 * Anything that, with a building and entrance, points at one home: a bare room number ("501", "3-502", "五零一"), a
 * floor, room or household ("5楼", "十二层", "502室", "西户", "顶楼"). Eager: a building masked too many costs the clerk
 * a walk, one kept too few gives a home address to a printed sheet.
 */
const ROOM_LIKE = new RegExp(
  `(?<![0-9-])(?:[0-9]{1,2}-[0-9]{2,4}(?![0-9])|${NOT_A_BUILT_YEAR}[0-9]{3,4}${NOT_A_COUNT})` +
    `|[零〇一二三四五六七八九幺两]{3,4}(?![十百千万年月日号元块角多余个人户岁次天期届])` +
    `|[0-9一二三四五六七八九十][室户楼层]|[东西南北中]边?户|顶[楼层]|楼顶`,
  'g',
)

/** Whether a room (ROOM_LIKE) is written in `whole` outside [from, to). */
type RoomElsewhere = (whole: string, from: number, to: number) => boolean

/** A RoomElsewhere for one mask: the rooms of a text found once, however many buildings in it ask (a pass asks of one text). */
function roomFinder(): RoomElsewhere {
  let seen: string | undefined
  let rooms: Array<[number, number]> = []
  return (whole, from, to) => {
    if (whole !== seen) {
      seen = whole
      rooms = Array.from(whole.matchAll(ROOM_LIKE), (m): [number, number] => [m.index, m.index + m[0].length])
    }
    return rooms.some(([start, end]) => start < from || end > to)
  }
}
/**
 * An address as staff may read it (`address` stands at `at` in the message `whole`): its building and entrance, the
 * rest masked; all masked after a street (spaces before it skipped: "和平路 3号楼"), or when a room is written elsewhere.
 * A yard ("3号院") is masked too: it is a resident's words, and a yard with a household's locator beside it
 * ("东头第二家") is a home (review 37, finding 5).
 */
function staffAddress(
  roomElsewhere: RoomElsewhere,
  whole: string,
  at: number,
  address: string,
  before = whole.slice(Math.max(0, at - 4), at).trimEnd(),
): string {
  const head = STREET_WORD.test(before) ? null : BUILDING_HEAD.exec(address)?.[0]
  if (!head || roomElsewhere(whole, at, at + address.length)) return MASKS.houseNumber
  return head === address ? address : `${head}${MASKS.houseNumber}`
}

// Names a writer gives for themselves. A name is a common surname (surnames.ts) and one or two more
// characters; a third character that usually starts the next words ends it early.
const NAME_INTRO = '(?:我叫|我是|我姓名|本人|本人是|本人叫|名叫|我的名字叫|我的名字是|联系人|姓名|署名|落款)[:：\\s]*'
/** Characters that usually start the words after a name ("李四反映", "张三想问"). */
const NAME_ENDERS = new Set([
  ...'反想要住在是的家今现向给从于说来去和与及等也就对因为有已请希特居退同电联手身年岁女男老这那我你他她们学看参认觉感发建提申投举咨问找打到买办签',
])
/**
 * Words that begin with a surname's character but say what the writer does or when ("本人申请删除个人信息": 申 is a
 * surname): after a cue no name begins with them, and after a name they end it ("本人王兰常年在外"). Only words whose
 * first character is a surname need a place here: 本人要求, 本人想, 本人家住 never read as a name.
 */
const SURNAME_LIKE_WORDS =
  /^(?:申请|申报|申诉|申领|常年|常住|常常|曾经|曾多|曾在|曾向|曾于|曾找|曾给|曾打|单位|关于|马上|任何|向有关|向相关|向上级|向政府|向领导|向物业|向您|向你)/
/**
 * A place after 我是 reads like a name when its first character is a surname ("我是文昌社区的退休职工": 文昌社): a few
 * characters then a word that ends a place's name (社区, 小区, 街道, 村, 镇 …) are a place, and stay (review 38 § 12).
 * Not 村长 or 区长 (a title after a surname: a person), nor 路 or 街 alone ("张明路过" is a name and a verb).
 */
const PLACE_AFTER_INTRO = /^[\u4e00-\u9fa5]{1,4}?(?:社区|小区|街道|新村|家园|花园|村委会|居委会|村(?![长民主干])|镇(?!长)|乡(?!长|亲)|县(?!长)|区(?!长))/
// Spaces between the characters ("我叫 王 小明", as typed on a phone) do not hide the name.
const SELF_NAME = new RegExp(`(${NAME_INTRO})(${COMPOUND_SURNAMES}|[${SURNAMES}])\\s*([\\u4e00-\\u9fa5])(?:\\s*([\\u4e00-\\u9fa5]))?`, 'g')

/**
 * A surname with a form of address ("李大爷", "王阿姨", "张师傅"): a person named, whoever writes it. A full name may
 * stand before the form of address ("王秀兰阿姨"), and its last character may be a surname too (兰): the one or two
 * characters before go with it, unless they are a word that usually stands before a person ("楼下", "的", "和").
 */
const HONORIFICS = '大爷|大妈|大娘|大伯|大叔|大婶|大姐|大哥|阿姨|奶奶|爷爷|婆婆|师傅|女士|先生|老师|老汉|老太'
const ADDRESSED_NAME = new RegExp(`(?:${COMPOUND_SURNAMES}|[${SURNAMES}])(${HONORIFICS})`, 'g')
const BEFORE_A_PERSON = new Set([...'的和与跟同及或请找是给让对向问下上边壁门家里位个说叫了到有在把被帮等称喊区楼户院室们业工员洁修管'])
const HAN = /[\u4e00-\u9fa5]/

/**
 * "李大爷" becomes "某大爷", "王秀兰阿姨" too: still says who spoke, no longer who they are. The characters before the
 * surname are looked at only where one matched (a pattern reaching back at every character costs three times as much).
 */
function addressedNamesMasked(text: string): string {
  let out = ''
  let done = 0
  for (const m of text.matchAll(ADDRESSED_NAME)) {
    let from = m.index
    for (let k = 0; k < 2 && from > done && HAN.test(text[from - 1]) && !BEFORE_A_PERSON.has(text[from - 1]); k++) from--
    out += `${text.slice(done, from)}某${m[1]}`
    done = m.index + m[0].length
  }
  // Then the familiar 老王, 小张, as neighbours name each other (老某, 小某): a person named, as 王大爷 is.
  return familiarNamesMasked(done ? out + text.slice(done) : text)
}

/**
 * The text with personal identifiers replaced by the labels in MASKS. Eager, for what leaves the
 * work for good (an anonymised or erased case, a published answer): a building number goes too.
 */
export const maskPersonalData = (text: string): string => masked(text, false)

/**
 * The same masks for staff acting on residents' messages (the console's export, 热点问题): phones,
 * ID numbers, names and addresses go, but a building and its entrance after an estate or community
 * stay ("光明社区3号楼2单元的楼道灯坏了"): they identify nobody, and the clerk and the department she
 * sends the sheet to need them to act. See staffAddress for where they become an address and go.
 */
export const maskForCaseWork = (text: string): string => masked(text, true)

function masked(text: string, keepBuilding: boolean): string {
  const roomElsewhere = keepBuilding ? roomFinder() : () => true
  return addressedNamesMasked(
    phoneMasked(asciiDigits(text).replace(ID_NUMBER, MASKS.idNumber).replace(EMAIL, MASKS.email))
      // Runs of several parts first, so a place word inside one ("88号院3号楼") does not split it.
      .replace(UNIT_RUN, (m: string, _room: string | undefined, at: number, whole: string) =>
        keepBuilding ? staffAddress(roomElsewhere, whole, at, m) : MASKS.houseNumber,
      )
      .replace(AFTER_PLACE, (_m: string, place: string, space: string, parts: string, room: string | undefined, at: number, whole: string) =>
        keepBuilding
          ? `${place}${space}${staffAddress(roomElsewhere, whole, at + place.length + space.length, parts + (room ?? ''), place)}`
          : `${place}${space}${MASKS.houseNumber}`,
      )
      .replace(SELF_NAME, (m: string, intro: string, _surname: string, _given: string, third: string | undefined, at: number, whole: string) =>
        PLACE_AFTER_INTRO.test(whole.slice(at + intro.length, at + intro.length + 8)) || SURNAME_LIKE_WORDS.test(whole.slice(at + intro.length))
          ? m
          : third && (NAME_ENDERS.has(third) || SURNAME_LIKE_WORDS.test(whole.slice(at + m.length - 1)))
            ? `${intro}${MASKS.name}${third}`
            : `${intro}${MASKS.name}`,
      ),
  )
}

/** Full-width digits as ASCII, so one set of patterns reads both: the first step of every mask. */
const asciiDigits = (text: string) => text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** An account, its word kept: "QQ（已隐去）", "微信号（已隐去）"; a latin id after a QQ word is no QQ number and stays. */
function accountMasked(m: string, word: string, qq: string | undefined, tail: string, wechatId: string | undefined): string {
  if (qq && wechatId) return m
  return `${word}${tail}${qq ? MASKS.qq : MASKS.wechat}`
}

/**
 * The numbers that reach a person (mobile, also in Chinese numerals, landline, a QQ or WeChat account, a number labelled
 * 电话), on a text whose digits are ASCII already: the one chain every mask runs. An account before a labelled number, so
 * "QQ号码12345678" is a QQ number and not a phone.
 */
const phoneMasked = (ascii: string) =>
  ascii
    .replace(MOBILE, MASKS.mobile)
    .replace(CN_MOBILE, MASKS.mobile)
    .replace(LANDLINE, MASKS.landline)
    .replace(ACCOUNT, accountMasked)
    .replace(LABELLED_NUMBER, (_m, label: string) => `${label}${MASKS.landline}`)

/**
 * Phone numbers and accounts (see phoneMasked) and ID numbers (18 or 15 digits), the rest in full: a deputy's reason
 * (转交, 退回) as admins read it in the audit trail.
 */
export const maskPhoneAndIdNumbers = (text: string): string => phoneMasked(asciiDigits(text).replace(ID_NUMBER, MASKS.idNumber))

/** maskPersonalData for values that may be absent. */
export const maskOptional = (text: string | null): string | null => (text === null ? null : maskPersonalData(text))

/** Every string inside a JSON value (survey answers, comments) masked; the shape and other values unchanged. */
export function maskStrings(value: unknown, mask: (text: string) => string = maskPersonalData): unknown {
  if (typeof value === 'string') return mask(value)
  if (Array.isArray(value)) return value.map((v) => maskStrings(v, mask))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v, mask)]))
  return value
}

/** Chinese numerals as a phone number is read out (幺 for 1), to digits. */
const CN_NUMERALS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }
const dialable = (written: string) =>
  written
    .replace(/[〇零一幺二三四五六七八九]/g, (c) => CN_NUMERALS[c])
    .replace(/\D/g, '')
    // +86 before a mobile is not dialled at home.
    .replace(/^86(?=1\d{10}$)/, '')

/**
 * The phone numbers a resident wrote in her message, as a deputy dials them (digits only): mobiles first (also in
 * Chinese numerals), then landlines and bare numbers after 电话, each once, in the order written. Found by the very
 * patterns phoneMasked hides, so what a deputy's notice shows as （已隐去） is what "电话 0001" reads out to him;
 * never a QQ or WeChat account, nor digits inside an ID number. Empty when she wrote none.
 */
export function phonesWrittenIn(text: string): string[] {
  const found: string[] = []
  const take = (pattern: RegExp, from: string, number = (m: RegExpExecArray) => m[0]) => {
    for (const m of from.matchAll(pattern)) found.push(dialable(number(m)))
    return from.replace(pattern, MASKS.mobile)
  }
  let rest = asciiDigits(text).replace(ID_NUMBER, MASKS.idNumber)
  rest = take(MOBILE, rest)
  rest = take(CN_MOBILE, rest)
  rest = take(LANDLINE, rest)
  take(LABELLED_NUMBER, rest.replace(ACCOUNT, accountMasked), (m) => m[0].slice(m[1].length))
  return [...new Set(found.filter((n) => n.length >= 7))]
}
