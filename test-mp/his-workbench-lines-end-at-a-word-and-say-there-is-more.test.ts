import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * Review 37, finding 11. A resident writes 张伟 a long message about a rooftop shed. On 我的待办 its first words stopped
 * at forty characters in the middle of a word, with nothing to say there was more ("…城管说归街道，街"): he took it for
 * her whole message. The line now ends where a clause (or a word) ends and says "…"; a short message is shown whole.
 */
describe('mini-program: his workbench lines end at a word and say when there is more', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string) => created((await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))

  it('cuts the rooftop message after 城管说归街道 with "…", and shows a short one whole', async () => {
    const long = await write('建设路社区3号院有人在楼顶私搭乱建，搭了两间铁皮房，物业管不了，城管说归街道，街道说归城管，请代表帮忙反映到区里。')
    const short = await write('楼道里的扶手断了')
    await phoneOfZhang(app)

    const workbench = await openPage('pages/deputy/index')
    const excerptOf = (ticket: string) => {
      const row = workbench.component.querySelectorAll('.task').find((t: any) => t.dom.textContent.includes(ticket))
      if (!row) throw new Error(`no line for ${ticket}: ${workbench.text().slice(0, 300)}`)
      return String(row.dom.querySelector('[class~="text"], [class~="main--text"]')?.textContent ?? '').trim()
    }
    expect(excerptOf(long.ticket)).to.equal('建设路社区3号院有人在楼顶私搭乱建，搭了两间铁皮房，物业管不了，城管说归街道…')
    expect(excerptOf(short.ticket)).to.equal('楼道里的扶手断了')
  })
})
