import { MASKS, maskPersonalData } from '../../domain/pii-mask.js'

/**
 * The names the office knows a person by, to remove every time they are written (erasure, PIPL art. 47),
 * not only where a cue word stands before them: "王秀兰反映", "王秀兰阿姨您好", "请找王秀兰" all name her
 * once she has written "我叫王秀兰" anywhere, or gave the name for a public meeting seat.
 */

// The surnames people write their names with (as domain/pii-mask.ts reads them after a cue word).
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庞樊兰殷颜倪牛耿邢葛符季安温关齐单华祝申左卓祁翟伍涂'
const COMPOUND_SURNAMES = '欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐'
/** Cue words after which people give their name. */
const NAMING_CUE = '我叫|我姓名|名叫|我的名字叫|我的名字是|姓名|署名|落款'
/**
 * Cue words after which as often an ordinary word stands ("我是高层住户", "本人高血压", "联系人王师傅"): what follows
 * is taken for a name only when the name ends there (a stop, the end, or a word that follows names: "本人李四反映").
 */
const LOOSE_CUE = '我是|本人是|本人|联系人'
const CANDIDATE = `((?:${COMPOUND_SURNAMES}|[${SURNAMES}])\\s*[\\u4e00-\\u9fa5](?:\\s*[\\u4e00-\\u9fa5])?)`
const GIVEN_NAME = new RegExp(`(?:(${NAMING_CUE})|${LOOSE_CUE})[:：\\s]*${CANDIDATE}`, 'g')
/** A third character that starts the words after a two-character name ("李四反映", "张三想问"), not part of it. */
const ENDERS = new Set([
  ...'反想要住在是的家今现向给从于说来去和与及等也就对因为有已请希特居退同电联手身年岁女男老这那我你他她们学看参认觉感发建提申投举咨问找打到买办签阿大',
])
/** How a title, a trade, a place or a home ends: "王师傅", "黄河路", "程序员" are not names. */
const NOT_A_NAME_END =
  /(?:师傅|老师|阿姨|大爷|大妈|大娘|奶奶|爷爷|大姐|大哥|先生|女士|护士|医生|大夫|主任|书记|经理|老板|会计|局长|科长|处长|院长|村长|组长|楼长|队长|厂长|校长|站长|所长|住户|业主|居民|社区|小区|[路街区村镇县市省巷楼号社站厂店员])$/
/** Words that begin with a surname's character and often follow 我是/本人: not names. */
const COMMON_WORDS = new Set([
  '高血压',
  '高血糖',
  '高血脂',
  '高龄',
  '高层',
  '高中',
  '高三',
  '高楼',
  '白天',
  '向阳',
  '石家庄',
  '程序员',
  '方便',
  '常住',
  '常年',
  '金融',
])
/** What follows a word that says where she lives, not who she is ("我是高层住户"). */
const DESCRIBES = /^\s*(?:住户|业主|居民|人[，,。.!！\s]|人$)/
/** Where a name given after a loose cue may end. */
const NAME_ENDS = /^(?:$|[\s，,。.！!？?、；;：:（(）)“”"'])/

/**
 * Whether a word can be a person's name: a common surname (or a compound one) and one or two characters, and not a
 * title, trade, place or common word that starts like one. Only such words are removed wherever they are written.
 */
export function isPlausibleName(word: string): boolean {
  const name = word.replace(/\s+/g, '')
  if (!new RegExp(`^(?:${COMPOUND_SURNAMES}|[${SURNAMES}])[\\u4e00-\\u9fa5]{1,2}$`).test(name)) return false
  return !NOT_A_NAME_END.test(name) && !COMMON_WORDS.has(name)
}

/** The names written after a cue word in a text ("我叫王秀兰，…" → 王秀兰), spaces taken out; only plausible names. */
export function namesGivenIn(text: string | null | undefined): string[] {
  if (!text) return []
  const found: string[] = []
  for (const m of text.matchAll(GIVEN_NAME)) {
    const raw = m[2].replace(/\s+/g, '')
    const name = raw.length === 3 && ENDERS.has(raw[2]) ? raw.slice(0, 2) : raw
    if (!isPlausibleName(name)) continue
    if (!m[1]) {
      // After a loose cue: the name must end where it stops, and not describe her home ("高层住户").
      const after = text.slice(m.index! + m[0].length - (raw.length - name.length))
      if (DESCRIBES.test(after) || !(NAME_ENDS.test(after) || ENDERS.has(after[0]))) continue
    }
    found.push(name)
  }
  return found
}

/**
 * Every form of the names worth removing, longest first so "王秀兰" goes whole before "秀兰": the name, and
 * a two-character given name on its own ("秀兰阿姨"). A one-character given name alone is too common a word.
 */
export function nameForms(names: Iterable<string>): string[] {
  const forms = new Set<string>()
  for (const raw of names) {
    const name = raw.replace(/\s+/g, '').trim()
    // A word that is not a name is never removed everywhere (a seat taken as "王阿姨", a cue misread).
    if (name === MASKS.name || !isPlausibleName(name)) continue
    forms.add(name)
    const compound = new RegExp(`^(?:${COMPOUND_SURNAMES})`).exec(name)?.[0]
    const given = name.slice(compound ? compound.length : 1)
    if ([...given].length === 2) forms.add(given)
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

/**
 * maskPersonalData, with every literal occurrence of the known names replaced first (spaces between
 * their characters too): what the cue-word rule alone would miss, and before it, so it never cuts one in half.
 */
export function maskKnowingNames(names: Iterable<string>): (text: string) => string {
  const forms = nameForms(names)
  if (!forms.length) return maskPersonalData
  const pattern = new RegExp(forms.map((f) => [...f].map(escape).join('\\s*')).join('|'), 'g')
  return (text) => maskPersonalData(text.replace(pattern, MASKS.name))
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
