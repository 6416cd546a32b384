/**
 * Renders the main pages of the mini-program, driven as in the stories against the real
 * backend, and writes each one's DOM with its styles to an HTML file in the folder given
 * as the first argument. scripts/mp-screenshots.mjs photographs them in Chromium.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'

// The mini-program test process's setup (plain ESM), named through a variable for the type checker.
const setup = '../setup.mjs'
await import(setup)
const { holdPhone, startBackend } = await import('../harness/backend.js')
const { follow, openPage } = await import('../harness/page.js')
const { phone } = await import('../harness/wx.js')
const { MP_ROOT } = await import('../harness/runtime.js')
const { asDeputy } = await import('../../test/helpers/app.js')
const { pngWithText } = await import('../../test/helpers/images.js')

const out = process.argv[2]
mkdirSync(out, { recursive: true })

// WXSS as the phone applies it: rpx are half a CSS pixel on a 375-point-wide phone;
// miniprogram-simulate already turned "Nrpx" into "Npx", so the page is laid out at 750 px and zoomed by half.
const appWxss = readFileSync(join(MP_ROOT, 'app.wxss'), 'utf8').replace(/(\d+)rpx/g, '$1px')
const prefixed = (css: string, prefix: string) => css.replace(/\.([a-z][-_a-z0-9]*)/gi, `.${prefix}--$1`)
const BASE = `
  html { zoom: 0.5; }
  body { margin: 0; width: 750px; font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
  wx-view, wx-button, wx-picker, wx-textarea, wx-input, wx-form, wx-scroll-view, wx-rich-text { display: block; }
  wx-text { display: inline; }
  wx-image { display: inline-block; overflow: hidden; background: #ddd; }
  wx-switch { display: inline-block; }
  .bar { background: #b71c1c; color: #fff; height: 88px; line-height: 88px; text-align: center; font-size: 34px; }
`

function snapshot(name: string, title: string, care = false) {
  const styles = Array.from(document.querySelectorAll('style')).map((s) => s.textContent).join('\n')
  const body = document.body.lastElementChild?.outerHTML ?? ''
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${BASE}
    ${appWxss.replace(/^page\s*\{/m, 'body {')}
    ${prefixed(appWxss, 'main').replace(/^page\s*\{[^}]*\}/m, '')}
    ${prefixed(appWxss, 'page-shell').replace(/^page\s*\{[^}]*\}/m, '')}
    ${styles}</style></head><body><div class="bar">${title}</div>${body}</body></html>`
  writeFileSync(join(out, `mp-${name}.html`), html)
  void care
}

const app = await startBackend()
const deputy = await asDeputy(app, 'dp0001')
holdPhone(app, 'o-screenshots')
const clear = () => document.body.replaceChildren()

clear()
await openPage('pages/index/index')
snapshot('home', '联系人大代表')

clear()
await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0001')}`)
snapshot('deputy-card', '联系人大代表')

clear()
const find = await openPage('pages/find/index')
await find.emit('#place', 'change', { value: find.data.placeLabels.indexOf('湛河区 轻工街道 建设路社区') })
snapshot('find', '找我的代表')

clear()
const write = await openPage('pages/case/new?deputyCode=DP0001')
snapshot('privacy-notice', '给代表留言')
await write.tap('#agree')
await write.emit('#place', 'change', { value: write.data.placeLabels.indexOf('湛河区 轻工街道 建设路社区') })
await write.type('#text', '建设路12号门口的路灯坏了一个月，晚上老人出门看不见路')
const photo = join(mkdtempSync(join(tmpdir(), 'mp-shot-')), 'lamp.png')
writeFileSync(photo, pngWithText())
phone.photos.push(photo)
await write.tap('#add-photo')
snapshot('write', '给代表留言')
await write.tap('#submit')

clear()
const result = await follow()
snapshot('result', '留言已送出')
const caseId = result.data.caseId as string
await deputy.post(`/api/mp/deputy/cases/${caseId}/reply`, { text: '已联系供电所，本周五前修好，修好后请您再看一看。' })

clear()
await openPage('pages/case/list')
snapshot('my-cases', '我的留言')

clear()
const detail = await openPage(`pages/case/detail?caseId=${caseId}`)
await detail.emit('#rate', 'change', { value: 2 })
snapshot('case-detail', '留言详情')

clear()
await openPage('pages/mine/index')
snapshot('mine', '我的')

phone.storage.set('care.mode', 'on')
clear()
await openPage(`pages/case/detail?caseId=${caseId}`)
snapshot('case-detail-care', '留言详情（关怀模式）', true)
clear()
await openPage('pages/index/index')
snapshot('home-care', '联系人大代表（关怀模式）', true)

clear()
const data = await openPage('pages/mine/data')
await data.tap('#export')
snapshot('my-data', '我的信息')

await app.close()
process.exit(0)
