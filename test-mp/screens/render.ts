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
const { closeAllPages, follow, openPage } = await import('../harness/page.js')
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

/**
 * app.wxss as each component in the snapshot sees it: miniprogram-simulate prefixes every class with its component's
 * name (main--, page-shell--, cosign-picker--, privacy-consent--, …), and a component with addGlobalClass takes the
 * app's .hint, .error, .card; prefixed for main-- alone, those inside components were drawn unstyled.
 */
function appWxssFor(root: Element | null) {
  const prefixes = new Set(['main', 'page-shell'])
  for (const el of Array.from(root?.querySelectorAll('[class]') ?? [])) {
    for (const c of Array.from(el.classList)) {
      const prefix = c.includes('--') ? c.split('--')[0] : ''
      if (prefix && !prefix.startsWith('t-')) prefixes.add(prefix)
    }
  }
  return [...prefixes].map((prefix) => prefixed(appWxss, prefix).replace(/^page\s*\{[^}]*\}/m, '')).join('\n')
}

function snapshot(name: string, title: string, care = false) {
  const styles = Array.from(document.querySelectorAll('style'))
    .map((s) => s.textContent)
    .join('\n')
  const root = document.body.lastElementChild
  const body = root?.outerHTML ?? ''
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${BASE}
    ${appWxss.replace(/^page\s*\{/m, 'body {')}
    ${appWxssFor(root)}
    ${styles}</style></head><body><div class="bar">${title}</div>${body}</body></html>`
  writeFileSync(join(out, `mp-${name}.html`), html)
  void care
}

const app = await startBackend()
const deputy = await asDeputy(app, 'dp0001')
holdPhone(app, 'o-screenshots')
// Each picture shows one page: the pages opened before are closed (and their stylesheets forgotten), else an earlier
// page's rules (all prefixed main--) would style the later pictures.
const clear = () => {
  closeAllPages()
  document.body.replaceChildren()
}

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

// Part B: the deputy's workbench, meetings, study, quizzes and surveys, seen by 张伟 (dp0001).
{
  const { asAdmin } = await import('../../test/helpers/app.js')
  const { meetingBody } = await import('../../test/helpers/meetings.js')
  const { quizWithBank } = await import('../../test/helpers/quizzes.js')
  const { ballotBody, consultationBody } = await import('../../test/helpers/surveys.js')
  const office = await asAdmin(app)
  const meeting = (
    await office.post('/api/admin/meetings', meetingBody({ startAt: '2026-11-24T09:30:00+08:00', endAt: '2026-11-24T11:30:00+08:00', publicSeats: 10 }))
  ).body
  await office.post(`/api/admin/meetings/${meeting.id}/publish`)
  const ballot = (
    await office.post('/api/admin/surveys', ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } }))
  ).body
  const consultation = (await office.post('/api/admin/surveys', consultationBody())).body
  const quiz = await quizWithBank(app, office, { audience: 'deputies' })
  const campaign = (
    await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: '2026-11-23T09:00:00+08:00',
      endsAt: '2026-12-23T09:00:00+08:00',
      audience: { stationIds: ['st001'] },
    })
  ).body
  const item = (
    await office.post(`/api/admin/campaigns/${campaign.id}/items`, {
      title: '中华人民共和国全国人民代表大会和地方各级人民代表大会代表法',
      summary: '必读',
      required: true,
      body: '<h2>第一章 总则</h2><p>第一条 为了保证全国人民代表大会和地方各级人民代表大会代表依法行使代表的职权，履行代表的义务，发挥代表作用，根据宪法，制定本法。</p><p>第二条 全国人民代表大会和地方各级人民代表大会代表依照法律规定选举产生。</p>',
    })
  ).body
  const resident = await (await import('../../test/helpers/app.js')).asResident(app)
  const fresh = (
    await resident.post('/api/mp/cases', {
      text: '小区门口的垃圾好几天没人清运，天热了味道很大，请帮忙协调环卫部门。',
      regionId: 'c010101',
      deputyCode: 'DP0001',
    })
  ).body

  phone.storage.set('care.mode', 'off')
  phone.storage.delete('session.token')
  holdPhone(app, 'o-deputy-dp0001')

  clear()
  await openPage('pages/deputy/index')
  snapshot('workbench', '代表工作台')

  clear()
  const handling = await openPage(`pages/deputy/case?caseId=${fresh.id}`)
  await handling.tap('.acknowledge')
  snapshot('deputy-case', '留言办理')

  clear()
  await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
  snapshot('meeting', '会议详情')

  app.clock.set(new Date('2026-11-24T01:20:00Z'))
  clear()
  await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
  snapshot('check-in', '会议签到')
  app.clock.set(new Date('2026-11-23T02:00:00Z'))

  clear()
  await openPage(`pages/study/item?itemId=${item.id}`)
  snapshot('study-item', '学习材料')

  clear()
  const taking = await openPage(`pages/quiz/take?quizId=${quiz.id}`)
  await taking.tap('.start')
  const first = taking.data.questions[0]
  await taking.tap(`.opt-1-${first.options[0].key}`)
  snapshot('quiz', '答题')
  await taking.tap('.submit')
  await taking.tap('.submit')
  snapshot('quiz-result', '答题结果')
  taking.close()

  clear()
  const voting = await openPage(`pages/survey/answer?surveyId=${ballot.id}`)
  const projects = voting.component.querySelector('.q-projects')
  projects.querySelectorAll('.option')[0].dispatchEvent('tap', { detail: {} })
  await new Promise((resolve) => setTimeout(resolve, 50))
  snapshot('ballot', '民生实事项目票决')

  clear()
  await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
  snapshot('consultation', '立法征求意见')

  phone.storage.set('care.mode', 'on')
  clear()
  await openPage('pages/deputy/index')
  snapshot('workbench-care', '代表工作台（关怀模式）', true)
}

// Part C: 大家的留言和答复 (the office's 办理选登), an answer published with its resident's agreement.
{
  const { asAdmin, asResident } = await import('../../test/helpers/app.js')
  const office = await asAdmin(app)
  const resident = await asResident(app, 'o-screens-public')
  const agreed = (
    await resident.post('/api/mp/cases', {
      text: '我是建设路的李大爷，电话13912345678。小区门口的路灯坏了一个月，晚上老人出门看不见路，请帮忙联系修一修。',
      regionId: 'c010101',
      deputyCode: 'DP0001',
      publicConsent: true,
    })
  ).body
  await deputy.post(`/api/mp/deputy/cases/${agreed.id}/reply`, { text: '已联系路灯管理所，本周五前修好；以后每月巡查一次，坏了请随时留言。' })
  const draft = (await office.get(`/api/admin/cases/${agreed.id}/publication`)).body
  await office.request('PUT', `/api/admin/cases/${agreed.id}/publication`, draft.draft)

  phone.storage.set('care.mode', 'off')
  clear()
  await openPage('pages/public/index')
  snapshot('public-cases', '大家的留言和答复')

  // An old poster of a deputy who has left office, and a questionnaire forwarded to a resident it does not ask.
  await office.patch('/api/admin/deputies/dp0002', { active: false })
  holdPhone(app, 'o-screens-public')
  clear()
  await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0002')}`)
  snapshot('deputy-left-office', '联系人大代表')
  await office.patch('/api/admin/deputies/dp0002', { active: true })
  const { surveyBody } = await import('../../test/helpers/surveys.js')
  const asked = (await office.post('/api/admin/surveys', surveyBody({ title: '代表履职情况问卷', audience: { deputyIds: ['dp0001'] } }))).body
  clear()
  await openPage(`pages/survey/answer?surveyId=${asked.id}`)
  snapshot('survey-asked-others', '问卷调查')
}

// Part D: 履职档案, seen by 张伟 (dp0001): his record, reporting an activity, the yearly report, 述职评议.
{
  const { asAdmin, asResident, Client } = await import('../../test/helpers/app.js')
  const { STAFF_PASSWORD } = await import('../../test/fixtures.js')
  const { localDate } = await import('../../src/domain/dates.js')
  const { addDays } = await import('../../src/domain/business-calendar.js')
  const today = localDate(app.clock.now(), 'Asia/Shanghai')
  const photo = await app.liaison.services.uploads.save(pngWithText(), deputy.userId, app.clock.now())
  const reported = (
    await deputy.post('/api/mp/records/activities', {
      kind: 'research',
      date: addDays(today, -2),
      place: '建设路社区',
      text: '走访老旧小区，听取居民对加装电梯的意见。',
      photos: [photo.url],
    })
  ).body
  const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
  await lina.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'approve' })
  await deputy.post('/api/mp/records/activities', {
    kind: 'reception',
    date: today,
    place: '轻工街道代表联络站',
    text: '进站接待群众 6 人次。',
    photos: [photo.url],
  })
  const opened = (
    await (
      await asAdmin(app)
    ).post('/api/admin/records/dp0001/appraisals', {
      year: Number(today.slice(0, 4)),
      opensAt: new Date(app.clock.now().getTime() - 3_600_000).toISOString(),
      closesAt: new Date(app.clock.now().getTime() + 14 * 86_400_000).toISOString(),
    })
  ).body
  await (
    await asResident(app, 'o-screens-neighbour')
  ).post(`/api/mp/appraisals/${opened.surveyId}/responses`, {
    regionId: 'c010101',
    answers: { overall: 5, verdict: 'satisfied', advice: '希望多来社区听听老年人的意见' },
  })

  phone.storage.set('care.mode', 'off')
  holdPhone(app, 'o-deputy-dp0001')
  clear()
  await openPage('pages/records/index')
  snapshot('records', '我的履职档案')
  clear()
  await openPage('pages/records/report')
  snapshot('records-report', '报告履职活动')
  clear()
  await openPage('pages/records/annual')
  snapshot('records-annual', '年度述职报告')
  clear()
  await openPage('pages/records/appraisals')
  snapshot('records-appraisals', '述职评议结果')
  holdPhone(app, 'o-screens-another-neighbour')
  clear()
  await openPage(`pages/records/appraise?surveyId=${opened.surveyId}`)
  snapshot('records-appraise', '述职评议')
}

// Part E: 民生实事, a year's projects with progress and the deputies' ratings; proposing; rating.
{
  const { asAdmin, asResident } = await import('../../test/helpers/app.js')
  const { STAFF_PASSWORD } = await import('../../test/fixtures.js')
  const { Client } = await import('../../test/helpers/app.js')
  const now = app.clock.now().getTime()
  const iso = (ms: number) => new Date(now + ms).toISOString()
  let office = await asAdmin(app)
  const cycle = (
    await office.post('/api/admin/livelihood/cycles', {
      office: 'city',
      year: 2027,
      title: '2027年市民生实事项目',
      opensAt: iso(-86_400_000),
      closesAt: iso(86_400_000),
      projectCount: 2,
    })
  ).body
  const resident = await asResident(app, 'o-screens-proposer')
  const proposal = (title: string, place: string) =>
    resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, { title, place, description: title, consentVersion: 'lp-2026-1' }).then((a) => a.body.id)
  const candidates = [
    {
      title: '老旧小区加装电梯',
      place: '建设路社区、光明社区',
      costWan: 300,
      unitId: 'u01',
      description: '为6层以上无电梯老楼加装电梯',
      proposalIds: [await proposal('老楼加装电梯', '建设路社区')],
    },
    {
      title: '社区老年食堂',
      place: '马庄社区',
      costWan: 120,
      unitId: 'u02',
      description: '新建两处社区老年食堂',
      proposalIds: [await proposal('老年食堂', '马庄社区')],
    },
  ]
  const ids: string[] = []
  for (const c of candidates) {
    ids.push((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/candidates`, c)).body.id)
    app.clock.advance(1000)
  }
  const ballot = (
    await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {
      opensAt: iso(2000),
      closesAt: iso(3_600_000),
      roll: { deputyIds: ['dp0001', 'dp0002'] },
    })
  ).body
  app.clock.advance(5000)
  const other = await asDeputy(app, 'dp0002')
  for (const d of [deputy, other]) await d.post(`/api/mp/surveys/${ballot.ballotSurveyId}/responses`, { answers: { projects: ids } })
  app.clock.advance(2 * 3_600_000)
  office = await asAdmin(app)
  await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)
  const bureau = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
  await bureau.post(`/api/admin/unit/livelihood-projects/${ids[0]}/progress`, { quarter: 1, percent: 30, text: '完成选址和居民意见征询，6部电梯开工' })
  await bureau.post(`/api/admin/unit/livelihood-projects/${ids[0]}/progress`, { quarter: 2, percent: 75, text: '12部电梯中9部完成安装' })
  const town = await new Client(app.baseUrl).login('wujing', STAFF_PASSWORD)
  await town.post(`/api/admin/unit/livelihood-projects/${ids[1]}/progress`, { quarter: 2, percent: 100, text: '两处老年食堂已开门营业' })
  await office.post(`/api/admin/livelihood/cycles/${cycle.id}/rating`)

  holdPhone(app, 'o-deputy-dp0002')
  clear()
  await openPage('pages/mine/index')
  clear()
  const rate = await openPage('pages/projects/rate')
  await rate.tap(`#grade-${ids[0]}-satisfied`)
  snapshot('projects-rate', '民生实事评议')

  await deputy.post(`/api/mp/deputy/livelihood/projects/${ids[0]}/rating`, { grade: 'satisfied' })
  await other.post(`/api/mp/deputy/livelihood/projects/${ids[0]}/rating`, { grade: 'basically_satisfied' })
  await deputy.post(`/api/mp/deputy/livelihood/projects/${ids[1]}/rating`, { grade: 'satisfied' })
  await office.post(`/api/admin/livelihood/cycles/${cycle.id}/publish`)
  // The year now taking proposals: the propose page is opened for it (it needs its cycleId).
  const collecting = await office.post('/api/admin/livelihood/cycles', {
    office: 'd01',
    year: 2028,
    title: '2028年湛河区民生实事项目',
    opensAt: iso(0),
    closesAt: iso(30 * 86_400_000),
    projectCount: 5,
  })

  holdPhone(app, 'o-screens-reader')
  clear()
  await openPage('pages/projects/index')
  snapshot('projects', '民生实事')

  clear()
  const form = await openPage(`pages/projects/propose?cycleId=${collecting.body.id}`)
  await form.type('#title', '河边修个口袋公园')
  await form.type('#description', '湛河边那块空地杂草多，想改成口袋公园，放几张椅子')
  await form.type('#place', '湛河北岸马庄段')
  await form.emit('#agree', 'change', { checked: true })
  snapshot('projects-propose', '提民生实事建议')
}

// Part F: 代表建议, 张伟's suggestion answered by 市住房和城乡建设局 (u01), then his rating.
{
  const { asAdmin, Client } = await import('../../test/helpers/app.js')
  const { STAFF_PASSWORD } = await import('../../test/fixtures.js')
  const office = await asAdmin(app)
  const unit = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
  const made = (
    await deputy.post('/api/mp/deputy/suggestions', {
      title: '关于老旧小区加装电梯的建议',
      body: '建设路一带老小区多为六层，没有电梯，老人上下楼很难。建议财政补贴、居民分摊，分批加装电梯。',
    })
  ).body
  await deputy.post(`/api/mp/deputy/suggestions/${made.id}/submit`)
  await office.post(`/api/admin/suggestions/${made.id}/review`, { decision: 'accept' })
  await office.post(`/api/admin/suggestions/${made.id}/assignment`, {
    leadUnitId: 'u01',
    coUnitIds: ['u02'],
    keySupervision: true,
    supervisionLeader: '市人大常委会王副主任',
  })
  await unit.post(`/api/unit/suggestions/${made.id}/answer`, {
    category: 'in_progress',
    text: '已列入明年加装电梯计划，第一批 20 个小区，资金由市、区财政和居民共同承担。',
  })
  await deputy.post('/api/mp/deputy/suggestions', { title: '关于增加公交夜班线路的建议', body: '夜班工人下班后没有公交车。' })

  phone.storage.set('care.mode', 'off')
  holdPhone(app, 'o-deputy-dp0001')
  clear()
  await openPage('pages/suggestion/index')
  snapshot('suggestions-list', '我的建议')

  clear()
  const writing = await openPage('pages/suggestion/new')
  await writing.type('#title', '关于社区食堂的建议')
  await writing.type('#body', '建议在老旧小区集中的街道开设社区食堂，为 70 岁以上老人提供午餐。')
  snapshot('suggestions-write', '写建议')

  clear()
  await openPage(`pages/suggestion/detail?suggestionId=${made.id}`)
  snapshot('suggestions-detail', '建议详情')

  clear()
  const rating = await openPage(`pages/suggestion/rate?suggestionId=${made.id}`)
  await rating.tap('#score-basically_satisfied')
  snapshot('suggestions-rate', '评价答复')
}

await app.close()
process.exit(0)
