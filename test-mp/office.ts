import { expect } from 'chai'
import { STAFF_PASSWORD } from '../test/fixtures.js'
import { asAdmin, asDeputy, asResident, Client } from '../test/helpers/app.js'
import type { Backend } from './harness/backend.js'
import { holdPhone, startBackend } from './harness/backend.js'
import { openPage, settle, type MpPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { phone } from './harness/wx.js'

/**
 * What the office and other people do through the backend's own API while the story's
 * person uses the mini-program: publish a meeting, a survey, a quiz, a campaign.
 */
export const office = (app: Backend) => asAdmin(app)
export const stationStaff = (app: Backend) => new Client(app.baseUrl).login('lina', STAFF_PASSWORD)

/** The phone belongs to 张伟 (dp0001), whose account is already bound to his deputy record. */
export async function phoneOfZhang(app: Backend) {
  const zhang = await asDeputy(app, 'dp0001')
  holdPhone(app, 'o-deputy-dp0001')
  return zhang
}

export async function created(answer: Promise<{ status: number; body: any }>) {
  const done = await answer
  expect(done.status, JSON.stringify(done.body)).to.be.oneOf([200, 201])
  return done.body
}

/** 市住房和城乡建设局's staff (陈刚), who answer the suggestions given to the bureau. */
/**
 * 赵阿姨 (`openid`, whose phone this becomes) writes to 张伟 about the stairwell lamp at `writtenAt`, and he answers it
 * at `answeredAt`: the backend's clock is set to each in turn.
 */
export async function lampWrittenAndAnswered(app: Backend, openid: string, writtenAt: string, answeredAt: string) {
  app.clock.set(new Date(writtenAt))
  const zhao = await asResident(app, openid)
  const lamp = await created(zhao.post('/api/mp/cases', { text: '光明社区楼道灯坏了，晚上黑得看不见台阶', deputyCode: 'DP0001' }))
  app.clock.set(new Date(answeredAt))
  await created((await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已请物业换了灯泡，请您再看一看。' }))
  holdPhone(app, openid)
  return lamp as { id: string; ticket: string }
}

export const housingBureau = (app: Backend) => new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)

/**
 * 张伟 (on the phone: phoneOfZhang) sends a suggestion, the office accepts it and gives it to 市住房和城乡建设局 (u01),
 * and the bureau answers 正在解决或列入计划 in `text`, promising the work done by `plannedBy`: its id, and 张伟's client.
 */
export async function zhangsSuggestionPromised(app: Backend, { title, text, plannedBy }: { title: string; text: string; plannedBy: string }) {
  const zhang = await phoneOfZhang(app)
  const { id } = await created(zhang.post('/api/mp/deputy/suggestions', { title, body: '建设路社区3号院楼顶违建，建议明确牵头单位。' }))
  await created(zhang.post(`/api/mp/deputy/suggestions/${id}/submit`))
  const admin = await office(app)
  await created(admin.post(`/api/admin/suggestions/${id}/review`, { decision: 'accept' }))
  await created(admin.post(`/api/admin/suggestions/${id}/assignment`, { leadUnitId: 'u01' }))
  await created((await housingBureau(app)).post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text, plannedBy }))
  return { id: id as string, zhang }
}

/** The office opens 张伟's 2026 述职评议 (dp0001), taking answers 11月23日 to 12月15日: its surveyId and shortCode. */
export async function zhangsAppraisal(app: Backend): Promise<{ surveyId: string; shortCode: string }> {
  return created(
    (await office(app)).post('/api/admin/records/dp0001/appraisals', {
      year: 2026,
      opensAt: '2026-11-23T09:00:00+08:00',
      closesAt: '2026-12-15T18:00:00+08:00',
    }),
  )
}

/** A backend whose clock reads `now` (by default 11月23日 10:00, the first morning) with 张伟's 述职评议 opened. */
export async function backendWithZhangsAppraisal(now = '2026-11-23T02:00:00Z'): Promise<{ app: Backend; surveyId: string; shortCode: string }> {
  const app = await startBackend()
  app.clock.set(new Date(now))
  return { app, ...(await zhangsAppraisal(app)) }
}

/**
 * 张伟 (on the phone: phoneOfZhang) reports a visit to 建设路社区 on 11月20日 from the form, with one photo and
 * `text`; 李娜 of his station sends it back with `reason`. Her client, the report's id and its photo's link.
 */
export async function zhangsReturnedReport(app: Backend, { text, reason }: { text: string; reason: string }) {
  const form = await openPage('pages/records/report')
  await form.emit('.date', 'change', { value: '2026-11-20' })
  await form.type('.place', '建设路社区')
  await form.emit('.what', 'change', { value: text })
  phone.photos.push(photoOnPhone('tmp_visit.jpg'))
  await form.tap('#add-photo')
  await form.tap('.submit')
  expect(form.text(), form.textOf('.error')).to.include('已提交')
  form.close()
  const lina = await stationStaff(app)
  const [pending] = (await lina.get('/api/admin/records/activities?status=pending')).body.items
  await created(lina.post(`/api/admin/records/activities/${pending.id}/review`, { decision: 'return', reason }))
  return { lina, id: pending.id as string, photo: pending.photos[0] as string }
}

/** Taps the nth element matching `inner` inside the custom component matching `outer` (a question, say). */
export async function tapInside(page: MpPage, outer: string, inner: string, nth = 0) {
  const host = page.component.querySelector(outer)
  if (!host) throw new Error(`nothing matches ${outer}; the page shows: ${page.text().slice(0, 300)}`)
  const found = host.querySelectorAll(inner)[nth]
  if (!found) throw new Error(`no ${inner} #${nth} inside ${outer}`)
  found.dispatchEvent('tap', { detail: {} })
  await settle()
}

/** On the appraise page: her community (c010101), 5 分 for his year, 满意 with his report; not sent yet. */
export async function rateZhangsReport(page: MpPage) {
  await page.tap('.c-c010101')
  await tapInside(page, '.q-overall', '.point', 4)
  await tapInside(page, '.q-verdict', '.option', 0)
}

/** Types into a TDesign field (its change event, as the person typing makes it). */
export async function typeInto(field: any, value: string) {
  field.instance.triggerEvent('change', { value })
  await settle()
}

/** Types into a field inside a custom component. */
export async function typeInside(page: MpPage, outer: string, inner: string, value: string) {
  const found = page.component.querySelector(outer)?.querySelector(inner)
  if (!found) throw new Error(`no ${inner} inside ${outer}`)
  await typeInto(found, value)
}

/** The city's 民生实事 cycle for 2027, taking proposals from yesterday for a month. */
export async function collectingCycle(app: Backend): Promise<{ id: string }> {
  const now = app.clock.now().getTime()
  return created(
    (await asAdmin(app)).post('/api/admin/livelihood/cycles', {
      office: 'city',
      year: 2027,
      title: '2027年市民生实事项目',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      projectCount: 1,
    }),
  )
}

/** The office adds 口袋公园 (河边公园, 湛河边, 80万元) to a year's candidates, from no resident's proposal. */
export async function pocketParkCandidate(office: Client, cycleId: string): Promise<{ id: string }> {
  return created(
    office.post(`/api/admin/livelihood/cycles/${cycleId}/candidates`, {
      title: '口袋公园',
      description: '河边公园',
      place: '湛河边',
      costWan: 80,
      unitId: 'u02',
      proposalIds: [],
    }),
  )
}

/** The office opens a year's 票决 now, for an hour, to `deputyIds`: the cycle, with its ballotSurveyId. */
export async function yearBallotForAnHour(app: Backend, office: Client, cycleId: string, deputyIds: string[]): Promise<{ ballotSurveyId: string }> {
  const now = app.clock.now().getTime()
  return created(
    office.post(`/api/admin/livelihood/cycles/${cycleId}/ballot`, {
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 3_600_000).toISOString(),
      roll: { deputyIds },
    }),
  )
}

/**
 * A backend where 陈主任 of 湛河区 (sunli) runs 学习宣传新修订的代表法 for 马庄街道's deputies (st002), open to
 * residents who follow it, from yesterday for ten days, with one required reading: 代表法修正草案说明.
 */
export async function studyCampaign(): Promise<{ app: Backend; campaignId: string; itemId: string }> {
  const app = await startBackend()
  const chen = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
  const now = app.clock.now().getTime()
  const campaign = await created(
    chen.post('/api/admin/campaigns', {
      title: '学习宣传新修订的代表法',
      startsAt: new Date(now - 86_400_000).toISOString(),
      endsAt: new Date(now + 10 * 86_400_000).toISOString(),
      audience: { stationIds: ['st002'], followers: true },
    }),
  )
  const item = await created(
    chen.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '代表法修正草案说明', summary: '必读，约五分钟', required: true, body: '<p>说明</p>' }),
  )
  return { app, campaignId: campaign.id, itemId: item.id }
}
