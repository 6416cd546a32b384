import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from './app.js'
import { linaOnMonday } from './lina-on-monday.js'

export interface ZhangWeiStation {
  app: TestApp
  /** 张伟 (dp0001), a deputy of 轻工街道代表联络站 (st001), in the mini-program. */
  zhang: Awaited<ReturnType<typeof asDeputy>>
  /** 李娜, the station's staff, in the console. */
  lina: Client
  /** A resident of 轻工街道 writes to 张伟 by his code; her client and the message's id. */
  written(text: string, extra?: Record<string, unknown>): Promise<{ resident: Client; id: string }>
}

/**
 * The case city on a Monday at 10:00, fresh for each test: 张伟 signed in as a deputy, 李娜 as
 * his station's staff, and residents who write to him.
 */
export function useZhangWeiStation(): ZhangWeiStation {
  const station = {} as ZhangWeiStation
  beforeEach(async () => {
    ;({ app: station.app, lina: station.lina } = await linaOnMonday())
    station.zhang = await asDeputy(station.app, 'dp0001')
  })
  afterEach(() => station.app.close())
  station.written = async (text, extra = {}) => {
    const resident = await asResident(station.app)
    const c = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001', ...extra })
    expect(c.status, JSON.stringify(c.body)).to.equal(201)
    return { resident, id: c.body.id as string }
  }
  return station
}
