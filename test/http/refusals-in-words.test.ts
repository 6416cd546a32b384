import { expect } from 'chai'
import { asAdmin, asResident, type Answer } from '../helpers/app.js'
import { asStaff, meetingBody } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { streetCityForEachTest } from '../helpers/street-organizers.js'
import { ballotBody, surveyBody } from '../helpers/surveys.js'

/**
 * Congress office staff and elderly residents read these refusals. A choice picked from a list
 * carries an id nobody ever typed ("s0102") and a form field has an internal name
 * ("ballot.roll"): the words name the thing as the person knows it, or say it is gone.
 * The city: 湛河区 (d01) with 轻工街道 (s0101, 吴敏's) and 马庄街道 (s0102, 郑华's); 孙丽 organizes
 * 湛河区, 李娜 staffs 轻工街道代表联络站 (st001); 陈静 (dp0006) is a deputy of 新华区.
 */
describe('refusals say what is wrong in words, never by an internal id', () => {
  const streets = streetCityForEachTest()

  /** Every word of the refusal a person may be shown: its message and each detail. */
  const shown = (answer: Answer) => [answer.body.error.message, ...answer.body.error.details.map((d: { message: string }) => d.message)].join('；')

  it('tells a street organizer that his street is not a district when a meeting is to invite "the district", and a district gone as gone', async () => {
    const { app, zhenghua } = streets
    const street = await zhenghua.post('/api/admin/meetings', meetingBody({ selector: { districtIds: ['s0102'] } }))
    expect(street.status).to.equal(422)
    expect(street.body.error.details).to.deep.equal([{ path: 'body.selector.districtIds[0]', message: '马庄街道不是区县，请在“联络站”中选择它的联络站' }])
    expect(shown(street)).to.not.include('s0102')

    const office = await asAdmin(app)
    const gone = await office.post('/api/admin/meetings', meetingBody({ selector: { districtIds: ['d404'], stationIds: ['st404'] } }))
    expect(gone.body.error.details).to.deep.equal([
      { path: 'body.selector.districtIds[0]', message: '这个区县已不存在或不在您的管理范围内' },
      { path: 'body.selector.stationIds[0]', message: '这个联络站已不存在或不在您的管理范围内' },
    ])
    expect(shown(gone)).to.not.match(/d404|st404/)
    expect((await office.get('/api/admin/meetings')).body.items, 'no meeting made').to.deep.equal([])
  })

  it('tells the office where a ballot’s voters are chosen, in the words of the form', async () => {
    const office = await asAdmin(streets.app)
    const refused = await office.post('/api/admin/surveys', ballotBody({ audience: { deputyIds: ['dp0001'] } }))
    expect(refused.status).to.equal(422)
    expect(refused.body.error.code).to.equal('invalid_survey')
    expect(refused.body.error.details).to.deep.include({ path: 'body.audience', message: '票决的投票代表在“应投票代表”中设定，不另设邀请名单' })
    expect(shown(refused)).to.not.include('ballot.roll')
  })

  it('names a voter outside the organizer’s district by name, and one no longer in the roll of deputies as gone', async () => {
    const { app } = streets
    const sunli = await asStaff(app, 'sunli')
    const refused = await sunli.post(
      '/api/admin/surveys',
      ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0006', 'dp9999'] } } }),
    )
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.include({ code: 'invalid_roll', message: '应投票代表有误' })
    expect(refused.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal([
      '陈静代表不在您的管理范围内',
      '这位代表已不在代表名册中，请重新选择',
    ])
    expect(shown(refused)).to.not.match(/dp0006|dp9999/)
  })

  it('says which question lost the option a display condition was set on, by its number', async () => {
    const { app } = streets
    const office = await asAdmin(app)
    // 第 5 题 shows when 第 1 题 was answered with an option since deleted (第 1 题 keeps 是 and 否).
    const questions = surveyBody().questions.map((q) => (q.id === 'q5' ? { ...q, showIf: { questionId: 'q1', optionIds: ['o3'] } } : q))
    const refused = await office.post('/api/admin/surveys', surveyBody({ questions }))
    expect(refused.status).to.equal(422)
    expect(refused.body.error.details).to.deep.equal([
      { path: 'body.questions[4].showIf.optionIds', message: '显示条件所选的选项在第 1 题中已删去，请重新选择' },
    ])
    expect(shown(refused)).to.not.match(/q1|o3/)
  })

  it('reads a question bank with a stray quote out to the organizer in Chinese, not the CSV reader’s English', async () => {
    const { app } = streets
    const sunli = await asStaff(app, 'sunli')
    const quiz = await quizWithBank(app, sunli, { draft: true })
    const csv = (rows: string[]) => ['type,stem,options,answer,explanation,points,tags', ...rows].join('\n')
    const broken = await sunli.post(`/api/admin/quizzes/${quiz.id}/questions/import`, { csv: csv(['single,代表法"第一条"规定什么,甲|乙,A,,1,']) })
    expect(broken.status).to.equal(422)
    expect(broken.body.error.details).to.deep.equal([
      { path: 'body.csv', message: 'CSV 格式有误：第 2 行的英文双引号没有成对。一格文字如以双引号开头，须以双引号结尾；文字里的双引号要写成两个（""）' },
    ])
    const unclosed = await sunli.post(`/api/admin/quizzes/${quiz.id}/questions/import`, {
      csv: csv(['single,"代表法第一条,甲|乙,A,,1,', 'single,第二题,甲|乙,A,,1,']),
    })
    expect(unclosed.body.error.details[0].message).to.equal(
      'CSV 格式有误：有一格以英文双引号开头，直到文件末尾也没有结尾的双引号。一格文字如以双引号开头，须以双引号结尾；文字里的双引号要写成两个（""）',
    )
    expect(shown(broken) + shown(unclosed)).to.not.match(/[Qq]uote|line/)
    expect((await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions, 'nothing half imported').to.have.length(10)
  })

  it('tells a street organizer whose point rules he may not change by the district’s name', async () => {
    const { wumin } = streets
    const rules = (await wumin.get('/api/admin/records/rules')).body.rules.map(
      ({ item, points, cap }: { item: string; points: number; cap: number | null }) => ({
        item,
        points,
        cap,
      }),
    )
    const refused = await wumin.put('/api/admin/records/rules', { office: 'd01', rules })
    expect(refused.status).to.equal(403)
    expect(refused.body.error).to.deep.include({ code: 'outside_scope', message: '湛河区的积分规则由湛河区人大常委会办公室设置' })
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.office', message: '不能修改湛河区的积分规则' }])
  })

  it('tells station staff which deputy is not theirs to assign, by name', async () => {
    const { app } = streets
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '建设路社区的路灯坏了', regionId: 'c010101' })
    const lina = await asStaff(app, 'lina')
    const refused = await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0004' }) // 赵敏, of 马庄街道代表联络站 only
    expect(refused.status).to.equal(403)
    expect(refused.body.error).to.deep.include({ code: 'outside_scope', message: '只能分派给本站的代表' })
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.deputyId', message: '赵敏代表不是本站的代表' }])
    const gone = await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp9999' })
    expect([gone.status, gone.body.error.code]).to.deep.equal([422, 'unknown_deputy'])
    expect(gone.body.error.details).to.deep.equal([{ path: 'body.deputyId', message: '这位代表已不在代表名册中，请重新选择' }])
  })

  it('tells the office a street cannot hold a year of 民生实事 projects, by the street’s name', async () => {
    const { app } = streets
    const office = await asAdmin(app)
    const refused = await office.post('/api/admin/livelihood/cycles', {
      office: 's0102',
      year: 2027,
      title: '2027年马庄街道民生实事项目',
      opensAt: '2026-12-01T00:00:00+08:00',
      closesAt: '2026-12-31T00:00:00+08:00',
      projectCount: 2,
    })
    expect(refused.status).to.equal(400)
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.office', message: '马庄街道不是区县，民生实事项目由市或区县人大常委会组织' }])
    expect(shown(refused)).to.not.include('s0102')
  })

  it('names the station a duty day was given for when the deputy does not serve there', async () => {
    const { app } = streets
    const office = await asAdmin(app)
    const refused = await office.patch('/api/admin/deputies/dp0004', { dutyDates: ['2026-12-08'], stationId: 'st001', seenDutyDates: [] }) // 赵敏 serves 马庄 only
    expect(refused.status).to.equal(400)
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.stationId', message: '该代表不属于轻工街道代表联络站' }])
  })

  it('says only failed messages are sent again, without the status’s English name', async () => {
    const { app } = streets
    await (await asResident(app)).post('/api/mp/cases', { text: '建设路社区的路灯坏了', regionId: 'c010101' })
    const [waiting] = (await app.liaison.store.outbox.search({ limit: 1 })).items
    const refused = await (await asAdmin(app)).post(`/api/admin/outbox/${waiting.id}/retry`)
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.deep.include({ code: 'not_dead', message: '只有未能送达的消息可以重新发送' })
  })
})
