/**
 * The roster sheets an office fills in (地区, 联络站, 代表, 工作人员): each kind's columns, with what
 * each means, whether it is required and an example, as the 导入名册 page shows them and the
 * templates carry them. How a filled sheet becomes the import file is directory-sheets.ts.
 */

export const SHEET_KINDS = ['regions', 'stations', 'deputies', 'staff'] as const
export type SheetKind = (typeof SHEET_KINDS)[number]

export interface SheetColumn {
  heading: string
  /** The field of the import format it fills. */
  field: string
  required: boolean
  /** What to write, for the page's instructions. */
  meaning: string
  example: string
}

export interface SheetSpec {
  kind: SheetKind
  /** "代表名册": what the template is called on the page and in its file name. */
  title: string
  columns: SheetColumn[]
}

const col = (heading: string, field: string, required: boolean, meaning: string, example: string): SheetColumn => ({
  heading,
  field,
  required,
  meaning,
  example,
})
const LIST_HINT = '多个用顿号“、”隔开'
/** What a 负责地区 cell says for an organizer of the whole city (left blank, it is refused). */
export const WHOLE_CITY = '全市'
/** The staff template's example code: known to every reader of the template, so never accepted as a real one. */
export const EXAMPLE_ACTIVATION_CODE = 'K7P2-Q9XM-4TVB'
export const DUTY_EXAMPLE = '如“东风路联络站：2026-12-01、2026-12-15；人民路联络站：2026-12-08”'
/**
 * What a deputy's optional cell (电话, 关注领域, 值班日期) says to clear what the system keeps: left blank, the cell
 * keeps it, as a clerk reads a blank on a second import (keptUnlessWritten).
 */
export const NONE_WORD = '无'
/** What a 值班日期 cell says to take a deputy off duty: left blank, the cell keeps the days already kept. */
export const NO_DUTY = NONE_WORD
/** The words each of those columns says of a blank and of 无, alike: `what` is what the system keeps ("电话"). */
const keptWhenBlank = (what: string, clear: string) => `不填表示不改动系统里已有的${what}，${clear}，填“${NONE_WORD}”`

/**
 * The templates, in the order an office fills them: a deputy names a station, a station its regions.
 * Each example row says 示例 and uses SL (示例) codes, so that it never looks like, nor matches, a
 * real record; left in a filled sheet, it is refused (directory-sheet-rows.ts).
 */
export const SHEET_SPECS: readonly SheetSpec[] = [
  {
    kind: 'regions',
    title: '地区名册',
    columns: [
      col('地区代码', 'id', true, '每个地区一个，不能重复，用字母、数字组成；再次导入时按它找到同一个地区', 'SL01'),
      col('地区名称', 'name', true, '如“新华区”“建设路街道”“马庄社区”', '新华区（示例）'),
      col('类型', 'kind', true, '区县、街道乡镇、社区村、网格 四选一', '区县'),
      col('上级地区', 'parentId', false, '上一级地区的名称或代码；区县不填', ''),
    ],
  },
  {
    kind: 'stations',
    title: '联络站名册',
    columns: [
      col('联络站代码', 'code', true, '每个联络站一个，不能重复，用大写字母、数字组成（用在二维码里）', 'SL001'),
      col('联络站名称', 'name', true, '联络站的全称', '东风路联络站（示例）'),
      col('类型', 'kind', true, '社区、园区、景区、乡镇、行业、其他 六选一', '社区'),
      col('地址', 'address', false, '群众找得到的地址', '东风路12号'),
      col('覆盖地区', 'regionIds', false, `这个联络站负责的地区的名称或代码，${LIST_HINT}`, '新华区（示例）'),
      col('接待日', 'receptionDays', false, `每周接待群众的日子，如“周三、周六”`, '周三、周六'),
      col('接待时间', 'receptionHours', false, '接待日的几点到几点，每个接待日相同，24 小时制，如“8:30-11:30”；不填则不写时间', '8:30-11:30'),
    ],
  },
  {
    kind: 'deputies',
    title: '代表名册',
    columns: [
      col('代表代码', 'code', true, '每位代表一个，不能重复，用大写字母、数字组成；再次导入时按它找到同一位代表', 'SL0001'),
      col('姓名', 'name', true, '代表的姓名', '张伟（示例）'),
      col('层级', 'level', true, '填全国、省、市、县区或乡镇人大代表，如“市人大代表”', '市人大代表'),
      col('所属联络站', 'stationIds', true, `联络站的名称或代码，须是本次文件里或系统里已有的联络站；${LIST_HINT}`, '东风路联络站（示例）'),
      col('关注领域', 'topics', false, `如“环境保护、交通出行”；${LIST_HINT}；${keptWhenBlank('关注领域', '要删去这位代表的关注领域')}`, '环境保护、交通出行'),
      col('电话', 'phone', false, `手机或座机号码，只给工作人员看；${keptWhenBlank('电话', '要删去这位代表的电话')}`, '13800000001'),
      col(
        '值班日期',
        'dutyDates',
        false,
        `在联络站接待值班的日期，如“2026-12-01”，${LIST_HINT}；只写月日的（如“12月3日”），按导入当天前后最近的那一天算（最多往前算两个月）；属于几个联络站的代表，在日期前写明联络站，${DUTY_EXAMPLE}，只改动写到的联络站，没写到的联络站不变；${keptWhenBlank('值班日期', '要取消这位代表的全部值班')}；只取消在一个联络站的值班，填“东风路联络站：${NO_DUTY}”`,
        '2026-12-01、2026-12-15',
      ),
    ],
  },
  {
    kind: 'staff',
    title: '工作人员名册',
    columns: [
      col('账号', 'username', true, '登录用的账号，小写字母开头，只含字母、数字、_ - .', 'shili.lina'),
      col('姓名', 'name', true, '工作人员的姓名', '李娜（示例）'),
      col('角色', 'role', true, '联络站工作人员、人大办工作人员、系统管理员 三选一', '联络站工作人员'),
      col('所属联络站', 'stationIds', false, `联络站工作人员必填：联络站的名称或代码，${LIST_HINT}`, '东风路联络站（示例）'),
      col('负责地区', 'regionIds', false, `人大办工作人员必填：负责的地区的名称或代码，${LIST_HINT}；负责全市的填“${WHOLE_CITY}”`, ''),
      col(
        '激活码',
        'activationCode',
        false,
        '推荐：字母和数字混合，去掉 - 后至少 10 位（不分大小写），本人第一次登录时用它设置自己的密码；每人另设一个，不能用这里的示例',
        EXAMPLE_ACTIVATION_CODE,
      ),
      col('初始密码', 'password', false, '不用激活码时填，至少 8 位，第一次登录后必须修改；已设过密码的人不受影响', ''),
    ],
  },
]

/** The heading whose presence tells which kind a sheet is. */
export const KEY_HEADING: Record<SheetKind, string> = { regions: '地区代码', stations: '联络站代码', deputies: '代表代码', staff: '账号' }
/**
 * Headings older templates said, read as today's: a sheet filled from a template downloaded before the region's key
 * column was named 地区代码 (like 联络站代码 and 代表代码) still imports as it did.
 */
export const FORMER_HEADINGS: ReadonlyMap<string, string> = new Map([['地区编号', '地区代码']])
/** Where a derived id's problems are told: the column it comes from. */
export const ID_SOURCE: Partial<Record<SheetKind, string>> = { stations: 'code', deputies: 'code', staff: 'username' }

export const specOf = (kind: SheetKind) => SHEET_SPECS.find((s) => s.kind === kind)!

/** The template's rows: the headings, then one example. */
export function templateRows(kind: SheetKind): string[][] {
  const { columns } = specOf(kind)
  return [columns.map((c) => c.heading), columns.map((c) => c.example)]
}
