/** 履职档案: a deputy's year with its points, the activities they report, 述职评议; residents answer a 述职评议. */
const enc = encodeURIComponent

function recordsService(request) {
  return {
    mine: (year) => request('GET', '/api/mp/records/me', year ? { year: year } : undefined),
    activities: () => request('GET', '/api/mp/records/activities'),
    /** One of his own reports, with its photos as { url (to send back), viewUrl (to show) }. */
    activity: (id) => request('GET', '/api/mp/records/activities/' + enc(id)),
    uploadPhoto: (filePath, onProgress) => request.upload('/api/mp/uploads', filePath, onProgress),
    /** idempotencyKey: the same on every retry of one report, so it is never made twice. */
    report: (activity, idempotencyKey) => request('POST', '/api/mp/records/activities', activity, { idempotencyKey: idempotencyKey }),
    /** A returned report, corrected and sent for review again. */
    resubmit: (id, activity) => request('PUT', '/api/mp/records/activities/' + enc(id), activity),
    appraisals: () => request('GET', '/api/mp/records/appraisals'),
    openAppraisal: (surveyId) => request('GET', '/api/mp/appraisals/' + enc(surveyId)),
    /** The yearly report a 述职评议 asks about, read-only, while it is open (先看述职报告). */
    appraisalReport: (surveyId) => request('GET', '/api/mp/appraisals/' + enc(surveyId) + '/report'),
    /** idempotencyKey: the same on every resend of one answer, so an answer whose reply was lost counts once and reads as sent. */
    answerAppraisal: (surveyId, regionId, answers, idempotencyKey) =>
      request('POST', '/api/mp/appraisals/' + enc(surveyId) + '/responses', { regionId: regionId, answers: answers }, { idempotencyKey: idempotencyKey }),
  }
}

/** Said to him beside his duty days: what makes a day count. */
const HOW_DUTY_COUNTS = '（值班后请报告“进站接待”活动，联络站审核后计入）'

/**
 * The year's figures as lines of plain words, shared by 我的履职档案 and the 述职报告 page. `forResidents`: the report
 * as residents rating him read it, without what is said to him (how to get a duty day counted).
 */
/**
 * The same figures as residents rating him read them (述职评议 → 先看述职报告): in plain words, not the office's
 * (审核通过, 学习打卡, 应投); a figure that is nought is left out rather than read as a failing, and a day on duty
 * still ahead is said as arranged, not as 已值班 0 天.
 */
function residentLines(r) {
  const k = r.activities.byKind
  const lines = []
  if (r.meetings.held)
    lines.push({
      label: '参加会议活动',
      value: '开会 ' + r.meetings.held + ' 次，出席 ' + r.meetings.attended + ' 次' + (r.meetings.excused ? '，请假 ' + r.meetings.excused + ' 次' : ''),
    })
  // The server's sentence (domain/deputy-record-words.ts): 已答复 and 正在办理 add up to 共; none when he had no message.
  if (r.casesText) lines.push({ label: '办理群众留言', value: r.casesText })
  if (r.duty.served) lines.push({ label: '到联络站接待群众', value: r.duty.served + ' 天' })
  else if (r.duty.scheduled) lines.push({ label: '到联络站接待群众', value: '已安排 ' + r.duty.scheduled + ' 天' })
  const study = []
  if (r.study.checkIns) study.push('学习 ' + r.study.checkIns + ' 次')
  if (r.study.quizzesTaken) study.push('参加知识竞赛 ' + r.study.quizzesTaken + ' 场')
  if (study.length) lines.push({ label: '学习', value: study.join('，') })
  if (r.ballots.cast) lines.push({ label: '代表投票', value: '参加投票 ' + r.ballots.cast + ' 次' })
  if (r.suggestions && (r.suggestions.made || r.suggestions.coSigned))
    lines.push({ label: '代表建议', value: '提出 ' + r.suggestions.made + ' 件，附议 ' + r.suggestions.coSigned + ' 件' })
  const kinds = [
    ['调研', k.research],
    ['视察', k.inspection],
    ['进站接待', k.reception],
    ['其他', k.other],
  ].filter((x) => x[1])
  if (r.activities.approved)
    lines.push({
      label: '履职活动',
      value: r.activities.approved + ' 次' + (kinds.length ? '（' + kinds.map((x) => x[0] + ' ' + x[1] + ' 次').join('，') + '）' : ''),
    })
  return lines
}

function recordLines(r, forResidents) {
  if (forResidents) return residentLines(r)
  const k = r.activities.byKind
  return [
    { label: '参加会议活动', value: '应参加 ' + r.meetings.held + ' 次，出席 ' + r.meetings.attended + ' 次，请假 ' + r.meetings.excused + ' 次' },
    // The server's sentence, as the console's 履职档案 says it: an answer sent back for 重新办理 is said once, as being
    // handled again, so that 已答复 and 正在办理 add up to 共 (review 38 § 3).
    { label: '办理群众留言', value: r.casesText },
    {
      label: '进站接待值班',
      // 已值班 counts only days with a record that he came: he is told how a day gets recorded.
      value: '排班 ' + r.duty.scheduled + ' 天，已值班 ' + r.duty.served + ' 天' + (r.duty.scheduled && !forResidents ? HOW_DUTY_COUNTS : ''),
    },
    { label: '学习与竞赛', value: '学习打卡 ' + r.study.checkIns + ' 次，参加知识竞赛 ' + r.study.quizzesTaken + ' 场' },
    { label: '代表票决', value: '已投票 ' + r.ballots.cast + ' 次（应投 ' + r.ballots.onRoll + ' 次）' },
    { label: '代表建议', value: r.suggestions ? '提出 ' + r.suggestions.made + ' 件，附议 ' + r.suggestions.coSigned + ' 件' : '暂无' },
    {
      label: '履职活动',
      value:
        '审核通过 ' + r.activities.approved + ' 次（调研 ' + k.research + '、视察 ' + k.inspection + '、进站接待 ' + k.reception + '、其他 ' + k.other + '）',
    },
  ]
}

module.exports = { recordsService, recordLines }
