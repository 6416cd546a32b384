/**
 * The rest of render.ts's pictures: the deputy's 履职档案, 民生实事 and 代表建议, driven as in the stories against the
 * backend render.ts started.
 */
import { holdPhone, type Backend } from '../harness/backend.js'
import { openPage } from '../harness/page.js'
import { phone } from '../harness/wx.js'
import { asDeputy } from '../../test/helpers/app.js'
import { pngWithText } from '../../test/helpers/images.js'

interface Shots {
  app: Backend
  /** 张伟 (dp0001), signed in to the backend. */
  deputy: Awaited<ReturnType<typeof asDeputy>>
  snapshot: (name: string, title: string) => void
  /** Closes the pages open, so that the next picture shows one page. */
  clear: () => void
}

export async function renderRecordsProjectsSuggestions({ app, deputy, snapshot, clear }: Shots) {
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
    snapshot('records-appraise', '给代表打分')
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
}
