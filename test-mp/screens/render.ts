/**
 * Renders the main pages of the mini-program, driven as in the stories against the real
 * backend, and writes each one's DOM with its styles to an HTML file in the folder given
 * as the first argument (render-page.ts; the input widgets drawn by render-widgets.ts; the deputy's
 * record, 民生实事 and 代表建议 in render-more.ts). scripts/mp-screenshots.mjs photographs them in Chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
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
// After the setup: drawing the widgets reads miniprogram-simulate's nodes.
const { snapshotter } = await import('./render-page.js')
const { renderRecordsProjectsSuggestions } = await import('./render-more.js')

const out = process.argv[2]
mkdirSync(out, { recursive: true })
const snapshot = snapshotter(out, MP_ROOT)

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
snapshot('case-detail-care', '留言详情（关怀模式）')
clear()
await openPage('pages/index/index')
snapshot('home-care', '联系人大代表（关怀模式）')
clear()
await openPage('pages/mine/index')
snapshot('mine-care', '我的（关怀模式）')

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

  // His 我的 says how notices reach him in his workbench's words, never as a count.
  clear()
  await openPage('pages/mine/index')
  snapshot('deputy-mine', '我的（代表）')

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
  snapshot('quiz', '知识竞赛')
  await taking.tap('.submit')
  await taking.tap('.submit')
  snapshot('quiz-result', '知识竞赛')
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
  snapshot('workbench-care', '代表工作台（关怀模式）')

  // After his yes for the digest: WeChat's rule and the chat that needs none, no number of digests (last: it takes a yes).
  clear()
  const digest = await openPage('pages/deputy/digest')
  await digest.tap('#subscribe-digest')
  snapshot('digest-care', '每日摘要设置（关怀模式）')
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
  snapshot('survey-asked-others', '问卷')
}

await renderRecordsProjectsSuggestions({ app, deputy, snapshot, clear })

await app.close()
process.exit(0)
