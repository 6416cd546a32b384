import { DEMO_CITY, demoDirectory } from '../../demo/demo-city.js'
import type { Store } from '../../store/ports.js'

/** The demo city's records by id, code and name together: a real roster may use ids such as st001 too, never with the demo's names. */
let demo: { districts: Set<string>; stations: Set<string>; deputies: Set<string>; staff: Set<string> } | null = null
function demoKeys() {
  if (demo) return demo
  const file = demoDirectory()
  demo = {
    districts: new Set(file.regions!.filter((r) => r.kind === 'district').map((r) => `${r.id}:${r.name}`)),
    stations: new Set(file.stations!.map((s) => `${s.id}:${s.code}:${s.name}`)),
    deputies: new Set(file.deputies!.map((d) => `${d.id}:${d.code}:${d.name}`)),
    staff: new Set(file.staff!.map((s) => `${s.id}:${s.username}:${s.name}`)),
  }
  return demo
}

/**
 * What is left of the demo city in a store that began as the demo, said in the import report: an office
 * that tried `npm start` and then imported its own roster into the same store still has the fictional
 * city beside its own, and the demo's accounts still sign in with the passwords the first start printed.
 * The import changes none of it (a file may cover one district only); this says so, and how to start clean.
 */
export class DemoLeftovers {
  constructor(private readonly store: Pick<Store, 'directory'>) {}

  /** The import report with the warning first, when anything of the demo city is left. */
  async addTo<T extends { warnings: string[] }>(report: T): Promise<T> {
    const warning = await this.warning()
    return warning ? { ...report, warnings: [warning, ...report.warnings] } : report
  }

  /** The warning for the import report, or null when nothing of the demo city is left. */
  async warning(): Promise<string | null> {
    const keys = demoKeys()
    const now = await this.store.directory.snapshot()
    const districts = now.regions.filter((r) => keys.districts.has(`${r.id}:${r.name}`)).length
    const stations = now.stations.filter((s) => keys.stations.has(`${s.id}:${s.code}:${s.name}`)).length
    const deputies = now.deputies.filter((d) => d.active !== false && keys.deputies.has(`${d.id}:${d.code}:${d.name}`)).length
    const accounts = now.staff.filter((s) => s.active && keys.staff.has(`${s.id}:${s.username}:${s.name}`)).length
    if (!districts && !stations && !deputies && !accounts) return null
    const held = [
      districts && `${districts} 个区县`,
      stations && `${stations} 个联络站`,
      deputies && `${deputies} 名代表`,
      accounts && `${accounts} 个演示账号（仍可用第一次启动时打印的密码登录）`,
    ].filter(Boolean)
    return (
      `系统里还有演示城市（${DEMO_CITY}）的数据：${held.join('、')}，导入没有删除它们。` +
      '正式使用前请换用新的数据库重新开始：停止服务，设置环境变量 LIAISON_DEMO=off，把 LIAISON_DB 改成一个新的数据库文件' +
      '（如 sqlite:./data/liaison-live.db），再启动并导入名册（见 README「上线 / Going live」）'
    )
  }
}
