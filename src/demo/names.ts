/**
 * Deterministic randomness and realistic Chinese names for generated directories.
 * Everything here is pure (given the same seed, the same output); no I/O.
 */

// The generator lives in the domain, where quiz draws use it too; re-exported for the generators here.
import type { Random } from '../domain/seeded-random.js'
export { mulberry32, type Random } from '../domain/seeded-random.js'

/** Integer in [min, max], both inclusive. */
export function randomInt(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1))
}

export function chance(rand: Random, probability: number): boolean {
  return rand() < probability
}

export function pick<T>(rand: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list')
  return items[Math.floor(rand() * items.length)] as T
}

export interface Weighted<T> {
  value: T
  weight: number
}

export function pickWeighted<T>(rand: Random, items: readonly Weighted<T>[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0)
  if (items.length === 0 || total <= 0) throw new Error('pick from an empty weighted list')
  let remaining = rand() * total
  for (const item of items) {
    remaining -= item.weight
    if (remaining < 0) return item.value
  }
  return (items[items.length - 1] as Weighted<T>).value
}

/** Fisher–Yates on a copy, so callers' constant tables stay untouched. */
export function shuffled<T>(rand: Random, items: readonly T[]): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}

/** Up to `count` distinct items in random order. */
export function sample<T>(rand: Random, items: readonly T[], count: number): T[] {
  return shuffled(rand, items).slice(0, Math.max(0, count))
}

/** Zero-padded decimal, e.g. pad(7, 4) === '0007'. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

// ---------------------------------------------------------------------------
// Personal names

interface Surname {
  chars: string
  pinyin: string
  /** Rough share of the population, per ten thousand. */
  weight: number
}

/** Approximate frequencies from national census summaries, so rosters "look right". */
const SURNAMES: readonly Surname[] = [
  ['王', 'wang', 725],
  ['李', 'li', 719],
  ['张', 'zhang', 679],
  ['刘', 'liu', 538],
  ['陈', 'chen', 453],
  ['杨', 'yang', 308],
  ['黄', 'huang', 198],
  ['赵', 'zhao', 196],
  ['吴', 'wu', 179],
  ['周', 'zhou', 172],
  ['徐', 'xu', 127],
  ['孙', 'sun', 124],
  ['马', 'ma', 121],
  ['朱', 'zhu', 115],
  ['胡', 'hu', 113],
  ['郭', 'guo', 107],
  ['何', 'he', 103],
  ['林', 'lin', 98],
  ['高', 'gao', 97],
  ['罗', 'luo', 86],
  ['郑', 'zheng', 82],
  ['梁', 'liang', 81],
  ['谢', 'xie', 71],
  ['宋', 'song', 70],
  ['唐', 'tang', 69],
  ['许', 'xu', 66],
  ['韩', 'han', 66],
  ['冯', 'feng', 64],
  ['邓', 'deng', 62],
  ['曹', 'cao', 61],
  ['彭', 'peng', 58],
  ['曾', 'zeng', 57],
  ['肖', 'xiao', 56],
  ['田', 'tian', 55],
  ['董', 'dong', 55],
  ['袁', 'yuan', 52],
  ['潘', 'pan', 51],
  ['于', 'yu', 51],
  ['蒋', 'jiang', 50],
  ['蔡', 'cai', 50],
  ['余', 'yu', 48],
  ['杜', 'du', 47],
  ['叶', 'ye', 47],
  ['程', 'cheng', 46],
  ['苏', 'su', 44],
  ['魏', 'wei', 43],
  ['吕', 'lv', 43],
  ['丁', 'ding', 42],
  ['任', 'ren', 41],
  ['沈', 'shen', 40],
  ['姚', 'yao', 38],
  ['卢', 'lu', 38],
  ['姜', 'jiang', 37],
  ['崔', 'cui', 36],
  ['钟', 'zhong', 36],
  ['谭', 'tan', 35],
  ['陆', 'lu', 35],
  ['汪', 'wang', 34],
  ['范', 'fan', 34],
  ['金', 'jin', 33],
  ['石', 'shi', 33],
  ['廖', 'liao', 32],
  ['贾', 'jia', 32],
  ['夏', 'xia', 31],
  ['韦', 'wei', 31],
  ['付', 'fu', 30],
  ['方', 'fang', 30],
  ['白', 'bai', 29],
  ['邹', 'zou', 29],
  ['孟', 'meng', 28],
  ['熊', 'xiong', 28],
  ['秦', 'qin', 28],
  ['邱', 'qiu', 27],
  ['江', 'jiang', 27],
  ['尹', 'yin', 26],
  ['薛', 'xue', 25],
  ['闫', 'yan', 25],
  ['段', 'duan', 24],
  ['雷', 'lei', 24],
  ['侯', 'hou', 23],
  ['龙', 'long', 23],
  ['史', 'shi', 23],
  ['陶', 'tao', 22],
  ['黎', 'li', 22],
  ['贺', 'he', 22],
  ['顾', 'gu', 21],
  ['毛', 'mao', 21],
  ['郝', 'hao', 20],
  ['龚', 'gong', 20],
  ['邵', 'shao', 20],
  ['万', 'wan', 19],
  ['钱', 'qian', 19],
  ['严', 'yan', 19],
  ['武', 'wu', 18],
  ['戴', 'dai', 18],
  ['莫', 'mo', 17],
  ['孔', 'kong', 17],
  ['向', 'xiang', 17],
  ['汤', 'tang', 16],
  ['欧阳', 'ouyang', 3],
  ['上官', 'shangguan', 1],
  ['司马', 'sima', 1],
  ['诸葛', 'zhuge', 1],
].map(([chars, pinyin, weight]) => ({ chars: chars as string, pinyin: pinyin as string, weight: weight as number }))

const WEIGHTED_SURNAMES: readonly Weighted<Surname>[] = SURNAMES.map((s) => ({ value: s, weight: s.weight }))

/** Toneless pinyin (name readings) for every character used in given names below. */
const GIVEN_PINYIN: Readonly<Record<string, string>> = {
  伟: 'wei',
  强: 'qiang',
  磊: 'lei',
  军: 'jun',
  勇: 'yong',
  杰: 'jie',
  涛: 'tao',
  明: 'ming',
  超: 'chao',
  刚: 'gang',
  平: 'ping',
  辉: 'hui',
  鹏: 'peng',
  华: 'hua',
  飞: 'fei',
  鑫: 'xin',
  波: 'bo',
  斌: 'bin',
  宇: 'yu',
  浩: 'hao',
  凯: 'kai',
  健: 'jian',
  俊: 'jun',
  帆: 'fan',
  旭: 'xu',
  宁: 'ning',
  峰: 'feng',
  建: 'jian',
  国: 'guo',
  志: 'zhi',
  文: 'wen',
  海: 'hai',
  东: 'dong',
  亮: 'liang',
  成: 'cheng',
  立: 'li',
  新: 'xin',
  永: 'yong',
  晨: 'chen',
  博: 'bo',
  毅: 'yi',
  德: 'de',
  振: 'zhen',
  庆: 'qing',
  宏: 'hong',
  睿: 'rui',
  泽: 'ze',
  航: 'hang',
  阳: 'yang',
  荣: 'rong',
  福: 'fu',
  光: 'guang',
  民: 'min',
  忠: 'zhong',
  家: 'jia',
  子: 'zi',
  卫: 'wei',
  红: 'hong',
  春: 'chun',
  晓: 'xiao',
  轩: 'xuan',
  然: 'ran',
  豪: 'hao',
  升: 'sheng',
  林: 'lin',
  山: 'shan',
  彬: 'bin',
  天: 'tian',
  嘉: 'jia',
  奕: 'yi',
  铭: 'ming',
  芳: 'fang',
  娜: 'na',
  敏: 'min',
  静: 'jing',
  丽: 'li',
  艳: 'yan',
  娟: 'juan',
  霞: 'xia',
  秀: 'xiu',
  玲: 'ling',
  桂: 'gui',
  英: 'ying',
  梅: 'mei',
  琳: 'lin',
  婷: 'ting',
  雪: 'xue',
  慧: 'hui',
  燕: 'yan',
  倩: 'qian',
  萍: 'ping',
  丹: 'dan',
  颖: 'ying',
  洁: 'jie',
  佳: 'jia',
  琴: 'qin',
  云: 'yun',
  莉: 'li',
  兰: 'lan',
  月: 'yue',
  蕾: 'lei',
  晶: 'jing',
  欣: 'xin',
  悦: 'yue',
  雯: 'wen',
  露: 'lu',
  瑶: 'yao',
  怡: 'yi',
  璐: 'lu',
  婧: 'jing',
  媛: 'yuan',
  薇: 'wei',
  淑: 'shu',
  凤: 'feng',
  玉: 'yu',
  珍: 'zhen',
  雨: 'yu',
  诗: 'shi',
  涵: 'han',
  萱: 'xuan',
  琪: 'qi',
  思: 'si',
  秋: 'qiu',
  梓: 'zi',
  美: 'mei',
  君: 'jun',
  雅: 'ya',
  亚: 'ya',
  素: 'su',
  菲: 'fei',
}

/**
 * Real given names are not random character pairs (董军俊 reads oddly), so
 * two-character names come from lists of common ones, spanning generations.
 */
const MALE_DOUBLE: readonly string[] = [
  '建华',
  '建国',
  '建军',
  '建平',
  '建新',
  '志强',
  '志明',
  '志刚',
  '志勇',
  '永强',
  '永刚',
  '永红',
  '海涛',
  '海波',
  '海峰',
  '晓明',
  '晓东',
  '晓峰',
  '国强',
  '国庆',
  '国华',
  '国平',
  '文杰',
  '文博',
  '文华',
  '俊杰',
  '浩然',
  '子轩',
  '宇航',
  '博文',
  '家豪',
  '明轩',
  '卫东',
  '卫国',
  '红军',
  '德明',
  '振华',
  '立新',
  '新民',
  '春明',
  '东升',
  '庆华',
  '宏伟',
  '成刚',
  '鹏飞',
  '天宇',
  '嘉豪',
  '奕铭',
  '子豪',
  '睿泽',
  '浩宇',
  '明亮',
  '光明',
  '建明',
  '志华',
  '建林',
  '永福',
  '荣华',
  '德华',
  '振宇',
  '俊峰',
  '彬彬',
  '家明',
  '立军',
  '春林',
]
const FEMALE_DOUBLE: readonly string[] = [
  '秀英',
  '桂英',
  '秀兰',
  '玉兰',
  '桂兰',
  '秀珍',
  '凤英',
  '玉珍',
  '玉梅',
  '丽华',
  '海燕',
  '晓燕',
  '春梅',
  '红梅',
  '丽娟',
  '晓红',
  '艳红',
  '雪梅',
  '秀梅',
  '淑珍',
  '丽萍',
  '美玲',
  '晓丽',
  '晓静',
  '晓婷',
  '佳怡',
  '欣怡',
  '诗涵',
  '梓涵',
  '雨萱',
  '思琪',
  '雨涵',
  '慧敏',
  '文静',
  '雅琴',
  '丽君',
  '美华',
  '素芳',
  '亚萍',
  '秋月',
  '晓云',
  '雅婷',
  '思雨',
  '佳琪',
  '雨晨',
  '婧怡',
  '淑华',
  '丽芳',
  '玉芳',
  '春燕',
  '秀云',
  '桂芳',
  '凤兰',
  '美琳',
  '晓雯',
  '雅菲',
  '欣悦',
]
const MALE_SINGLE: readonly string[] = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '刚',
  '平',
  '辉',
  '鹏',
  '飞',
  '鑫',
  '波',
  '斌',
  '宇',
  '浩',
  '凯',
  '健',
  '俊',
  '帆',
  '旭',
  '宁',
  '峰',
  '亮',
  '毅',
  '睿',
  '航',
]
const FEMALE_SINGLE: readonly string[] = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '玲',
  '琳',
  '婷',
  '雪',
  '慧',
  '燕',
  '倩',
  '萍',
  '丹',
  '颖',
  '洁',
  '琴',
  '莉',
  '蕾',
  '晶',
  '欣',
  '悦',
  '雯',
  '露',
  '瑶',
  '怡',
  '璐',
  '婧',
  '媛',
  '薇',
]

/** Two-character surnames first so that 欧阳 is not read as 欧 + 阳. */
const SURNAMES_LONGEST_FIRST = SURNAMES.slice().sort((a, b) => b.chars.length - a.chars.length)

/**
 * A plausible full name such as 张伟 or 王晓燕. Most given names have two
 * characters; roughly one in five has a single one. Duplicates across calls are
 * expected, as in real life.
 */
export function personName(rand: Random): string {
  const surname = pickWeighted(rand, WEIGHTED_SURNAMES)
  const male = chance(rand, 0.5)
  const single = chance(rand, 0.2)
  const pool = single ? (male ? MALE_SINGLE : FEMALE_SINGLE) : male ? MALE_DOUBLE : FEMALE_DOUBLE
  return surname.chars + pick(rand, pool)
}

/** Pinyin without tones, e.g. 王芳 → "wangfang"; undefined for characters outside our tables. */
export function namePinyin(name: string): string | undefined {
  const surname = SURNAMES_LONGEST_FIRST.find((s) => name.startsWith(s.chars))
  if (!surname) return undefined
  let out = surname.pinyin
  for (const ch of name.slice(surname.chars.length)) {
    const py = GIVEN_PINYIN[ch]
    if (py === undefined) return undefined
    out += py
  }
  return out
}

/** Usernames that must never be handed out: `admin` is created by the system itself. */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set(['admin', 'root', 'system'])

/**
 * A login name derived from the person's pinyin, made unique against `taken`
 * with a numeric suffix (wangfang, wangfang2, …). Returns the name; the caller
 * records it in `taken`.
 */
export function uniqueUsername(name: string, taken: ReadonlySet<string>, fallback = 'user'): string {
  const base = namePinyin(name) ?? fallback
  if (!taken.has(base) && !RESERVED_USERNAMES.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`
    if (!taken.has(candidate) && !RESERVED_USERNAMES.has(candidate)) return candidate
  }
}

// ---------------------------------------------------------------------------
// Place names (all generic stems; full names are composed by the generators)

/** Urban sub-district stems; "街道" is appended. */
export const STREET_STEMS: readonly string[] = [
  '建设路',
  '人民路',
  '解放路',
  '新华路',
  '胜利路',
  '文化路',
  '和平路',
  '光明路',
  '东风路',
  '朝阳路',
  '迎宾路',
  '滨河路',
  '健康路',
  '青年路',
  '工农路',
  '车站路',
  '矿工路',
  '东关',
  '西关',
  '南关',
  '北关',
  '城关',
  '城东',
  '城西',
  '城南',
  '城北',
  '文昌',
  '鼓楼',
  '钟楼',
  '新城',
  '开元',
  '永安',
  '太平',
  '永宁',
  '河滨',
  '江滨',
  '湖滨',
  '府前',
  '学府',
  '花园',
  '站前',
  '育才',
  '新兴',
  '建华',
  '兴华',
  '光华',
  '振兴',
  '兴隆',
  '长春路',
  '中兴路',
  '民主路',
  '团结路',
  '幸福路',
  '体育路',
  '五一路',
  '八一路',
  '红旗路',
]

/** Town and township stems; "镇" or "乡" is appended. */
export const TOWN_STEMS: readonly string[] = [
  '青石',
  '白沙',
  '柳林',
  '龙泉',
  '桃园',
  '石桥',
  '马坊',
  '杨庄',
  '黄土岭',
  '双河',
  '三里桥',
  '五里铺',
  '十里铺',
  '高桥',
  '梨园',
  '杏花',
  '枣林',
  '李集',
  '王集',
  '张店',
  '刘庄',
  '陈庄',
  '赵楼',
  '孙庄',
  '大屯',
  '小河',
  '长岭',
  '清水',
  '红石',
  '金山',
  '银山',
  '松林',
  '槐树',
  '柏树',
  '白鹤',
  '黄龙',
  '青龙',
  '白马',
  '牛山',
  '凤凰',
  '新店',
  '老街',
  '古城',
  '平安',
  '永丰',
  '丰收',
  '太和',
  '安乐',
  '官庄',
  '河口',
]

/** Urban community stems; "社区" is appended. */
export const COMMUNITY_STEMS: readonly string[] = [
  '光明',
  '幸福',
  '和平',
  '向阳',
  '团结',
  '友谊',
  '民主',
  '繁荣',
  '锦绣',
  '康乐',
  '育才',
  '丽景',
  '翠苑',
  '金桥',
  '银河',
  '春晖',
  '枫林',
  '香樟',
  '海棠',
  '桂花',
  '紫荆',
  '玉兰',
  '牡丹',
  '花园',
  '东苑',
  '西苑',
  '南苑',
  '北苑',
  '阳光',
  '滨江',
  '滨河',
  '湖畔',
  '文苑',
  '书香',
  '建设',
  '工人村',
  '铁路',
  '电厂',
  '纺织',
  '机械',
  '矿区',
  '红星',
  '红旗',
  '东风',
  '前进',
  '胜利',
  '新华',
  '新城',
  '老城',
  '府前',
  '学院',
  '师范',
  '长青',
  '松柏',
  '翠竹',
  '嘉园',
  '怡园',
  '馨园',
  '颐和',
  '丰泽',
  '泰和',
  '安居',
  '龙湾',
  '凤苑',
  '金色',
  '银杏',
  '梧桐',
  '望江',
  '临河',
  '观澜',
  '润园',
  '新村',
  '北街',
  '南街',
  '东街',
  '西街',
]

/** Stems that read naturally as village names on their own; "村" is appended. */
export const VILLAGE_STEMS: readonly string[] = [
  '柳河',
  '石桥',
  '杨树沟',
  '东坡',
  '西岭',
  '南沟',
  '北洼',
  '前进',
  '幸福',
  '红星',
  '团结',
  '新农',
  '桃源',
  '杏林',
  '枣园',
  '梨树湾',
  '松树岭',
  '白杨',
  '河西',
  '河东',
  '上庄',
  '下庄',
  '中庄',
  '后寨',
  '前营',
  '槐树湾',
  '龙王庙',
  '三合',
  '五星',
  '永兴',
  '新民',
  '丰收',
  '红光',
  '向阳',
  '东升',
  '青山',
]

/** Suffixes after a surname for clan-named villages: 王家庄村, 李湾村. */
export const VILLAGE_CLAN_SUFFIXES: readonly string[] = ['家庄', '庄', '家湾', '湾', '家寨', '营', '家沟', '店', '集', '楼', '屯']

/** A clan-style village stem, e.g. 李家湾 (without "村"). */
export function clanVillageStem(rand: Random): string {
  const surname = pickWeighted(rand, WEIGHTED_SURNAMES)
  // Compound surnames almost never name villages.
  const chars = surname.chars.length === 1 ? surname.chars : '王'
  return chars + pick(rand, VILLAGE_CLAN_SUFFIXES)
}

/** Road names for street addresses; 路/街/大道 is part of the stem. */
export const ROAD_NAMES: readonly string[] = [
  '建设路',
  '人民路',
  '解放路',
  '新华路',
  '胜利路',
  '文化路',
  '和平路',
  '光明路',
  '东风路',
  '朝阳路',
  '迎宾大道',
  '滨河路',
  '健康街',
  '青年路',
  '工农路',
  '车站街',
  '府前街',
  '学府路',
  '花园路',
  '育才街',
  '兴华路',
  '光华大道',
  '振兴路',
  '长春路',
  '中兴街',
  '民主路',
  '团结路',
  '幸福街',
  '体育路',
  '五一路',
]

/** Chinese ordinal numerals for grid names (第一网格…); falls back to digits beyond ten. */
export function chineseOrdinal(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
  if (n >= 0 && n <= 10) return digits[n] as string
  if (n > 10 && n < 20) return '十' + (digits[n - 10] as string)
  return String(n)
}

/**
 * `count` distinct stems from `pool` in random order. When the pool runs out,
 * stems repeat with 一/二/… inserted so names stay unique within one parent.
 */
export function distinctStems(rand: Random, pool: readonly string[], count: number): string[] {
  const order = shuffled(rand, pool)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / order.length)
    const stem = order[i % order.length] as string
    out.push(round === 0 ? stem : stem + chineseOrdinal(round + 1))
  }
  return out
}
