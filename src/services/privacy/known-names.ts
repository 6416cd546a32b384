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
const CUE = '(?:我叫|我是|我姓名|本人是|本人|名叫|我的名字叫|我的名字是|联系人|姓名|署名|落款)[:：\\s]*'
const GIVEN_NAME = new RegExp(`${CUE}((?:${COMPOUND_SURNAMES}|[${SURNAMES}])\\s*[\\u4e00-\\u9fa5](?:\\s*[\\u4e00-\\u9fa5])?)`, 'g')
/** A third character that starts the words after a two-character name ("李四反映", "张三想问"), not part of it. */
const ENDERS = new Set([
  ...'反想要住在是的家今现向给从于说来去和与及等也就对因为有已请希特居退同电联手身年岁女男老这那我你他她们学看参认觉感发建提申投举咨问找打到买办签阿大',
])

/** The names written after a cue word in a text ("我叫王秀兰，…" → 王秀兰), spaces taken out. */
export function namesGivenIn(text: string | null | undefined): string[] {
  if (!text) return []
  const found: string[] = []
  for (const m of text.matchAll(GIVEN_NAME)) {
    const name = m[1].replace(/\s+/g, '')
    found.push(name.length === 3 && ENDERS.has(name[2]) ? name.slice(0, 2) : name)
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
    if ([...name].length < 2 || name === MASKS.name) continue
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
