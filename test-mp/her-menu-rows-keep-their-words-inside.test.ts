import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { MP_ROOT } from './harness/runtime.js'
import { declarations } from './harness/stylesheets.js'
import { withWidgetsDrawn } from './screens/render-widgets.js'

/**
 * 首页 and 我的 list where she can go as TDesign cells, each a title with a line of words under it. TDesign gives a cell
 * the height --td-cell-height, which app.wxss sets on the shell (112rpx, 136rpx in 关怀模式) as the least height of the
 * pages' own rows: a title with its words is taller, and the words spilled out of their row, under the next title
 * (我的信息's two lines over 以前在微信聊天里…). The menus let their rows grow with their words.
 */
describe('mini-program: a menu row on 首页 and 我的 holds its title and the words under it', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it("TDesign's cell is as high as --td-cell-height says, and the shell says a button's height", () => {
    const cell = readFileSync(join(MP_ROOT, 'miniprogram_npm/tdesign-miniprogram/cell/cell.wxss'), 'utf8')
    expect(cell).to.include('height:var(--td-cell-height,auto)')
    expect(declarations('app.wxss', '.shell').get('--td-cell-height')).to.equal('112rpx')
  })

  for (const [page, file] of [
    ['首页', 'pages/index/index'],
    ['我的', 'pages/mine/index'],
  ]) {
    it(`${page}'s menu rows grow with the words under their titles`, async () => {
      holdPhone(app, `o-menu-${file.split('/')[1]}`)
      const opened = await openPage(file)
      const shown = withWidgetsDrawn([opened.component], opened.root)
      expect(shown.querySelectorAll('.main--menu .shot-cell__description').length, 'rows with words under the title').to.be.above(0)
      expect(declarations(`${file}.wxss`, '.menu').get('--td-cell-height')).to.equal('auto')
    })
  }
})
