import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'

/** The lines of each deputy's card on a station's page, as she reads them, by the deputy's name. */
function cardLines(page: MpPage): Map<string, string[]> {
  const cards = page.component.querySelectorAll('.person') as Array<{ dom: HTMLElement }>
  return new Map(
    cards.map((card) => {
      const body = card.dom.querySelector('[class~="main--person__body"]')!
      const lines = Array.from(body.children).map((line) => (line.textContent ?? '').replace(/\s+/g, ' ').trim())
      return [lines[0].replace(/（今天值班）$/, ''), lines.slice(1)]
    }),
  )
}

/**
 * Review 36, finding 17: on 轻工街道代表联络站's page, 张伟's card read "市人大代表关注：环境保护", one phrase (the
 * full-width space between them did not show). His level and what he cares about are two lines, as on his own card.
 */
describe("mini-program: a station's deputies read their level and their interests apart", () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('张伟: 市人大代表 on one line, 关注：环境保护 on the next', async () => {
    const station = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST001')}`)
    const lines = cardLines(station)
    expect(lines.get('张伟')).to.deep.equal(['市人大代表', '关注：环境保护'])
    for (const [name, rest] of lines) expect(rest[0], `${name}: the level alone on its line`).to.match(/人大代表$/)
  })
})
