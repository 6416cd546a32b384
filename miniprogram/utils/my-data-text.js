/**
 * 导出我的信息 as text a person reads (and pastes into a note or a chat to keep): every part of
 * the copy the backend gave (GET /api/mp/me/export), in Chinese words and dates, not JSON with
 * field names and ISO times she cannot read.
 */
const when = require('./when')

const OFFSET_MS = 8 * 3600 * 1000

/**
 * "2026年11月23日上午10:00", in the business time zone, its time of day as her pages say it (when.js): a kept copy needs
 * the year. Without the weekday: most of these stand in brackets ("已同意（第 3 版，…）"), where one made brackets in
 * brackets.
 */
function at(iso) {
  if (!iso) return ''
  return when.day(iso, true) + when.spokenClock(iso)
}

/** "2026年11月22日": the day a thing began, in the business time zone. */
function day(iso) {
  if (!iso) return ''
  const d = new Date(new Date(iso).getTime() + OFFSET_MS)
  return d.getUTCFullYear() + '年' + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日'
}

const version = (v) => '第 ' + String(v).replace(/^v/, '') + ' 版'
const yesNo = (b) => (b ? '是' : '否')
const RSVP = { attend: '参加', leave: '请假', pending: '未回复' }
const ATTEMPT = { open: '未交卷', submitted: '已交卷', expired: '超时未交卷' }

function account(a, history) {
  const lines = ['【账号】', '开始使用时间：' + at(a.createdAt), '账号里的' + (a.phoneWord || '电话') + '：' + (a.phone || '没有')]
  if (a.deputy) lines.push('代表身份：' + a.deputy.name + ' 代表')
  lines.push('个人信息保护说明：' + (a.consent ? '已同意（' + version(a.consent.version) + '，' + at(a.consent.at) + '）' : '未同意'))
  history.forEach((h) => lines.push('  ' + at(h.at) + ' ' + h.label + '（' + version(h.version) + '）'))
  // Which WeChat's chat is joined here, and since when: her copy names it, as 我的 does.
  const joined = a.chatBot && a.chatBot.joined
  if (joined)
    lines.push(
      '微信聊天：已和' + (joined.name ? '微信“' + joined.name + '”' : '一个微信') + '连在一起（' + day(joined.joinedAt) + '起），那个聊天里发的留言也在这里',
    )
  else if (a.chatBot && a.chatBot.linked) lines.push('微信聊天：这个账号也在微信聊天里使用')
  return lines
}

function handler(h) {
  if (!h) return ''
  return [h.station, h.deputy && h.deputy + '代表', h.office].filter(Boolean).join(' ')
}

/**
 * A step as one line: the server's words for her ("您的评价：2 分") and the note she may read, as
 * one sentence ("您的评价：2 分，灯还是不亮"), as the chat says it (residentStepLine on the server).
 */
function stepLine(e) {
  if (!e.note) return e.label
  return e.label + (e.label.indexOf('：') >= 0 ? '，' : '：') + e.note
}

function oneCase(c, i) {
  const lines = [i + 1 + '. 编号 ' + c.ticket + '（' + c.statusLabel + '）', '   送出时间：' + at(c.createdAt)]
  if (c.topic) lines.push('   类别：' + c.topic)
  // The place in words (区 · 街道 · 社区): the notice says it is kept, so her copy says which.
  lines.push('   所在区域：' + (c.placeWords || '没有选'))
  lines.push('   内容：' + c.text)
  if (c.images && c.images.length) lines.push('   照片：' + c.images.length + ' 张')
  lines.push('   联系电话：' + (c.phone || '没有留'))
  lines.push('   匿名：' + yesNo(c.anonymous) + '　同意公开：' + yesNo(c.publicConsent))
  if (handler(c.handledBy)) lines.push('   办理：' + handler(c.handledBy))
  if (c.reply) lines.push('   代表的答复（' + at(c.repliedAt) + '）：' + c.reply)
  if (c.rating !== null && c.rating !== undefined) lines.push('   我的评价：' + c.rating + ' 分' + (c.ratingComment ? '，' + c.ratingComment : ''))
  if (c.timeline && c.timeline.length) {
    lines.push('   办理经过：')
    c.timeline.forEach((e) => lines.push('     ' + at(e.at) + ' ' + stepLine(e)))
  }
  return lines
}

/**
 * A questionnaire she answered, as her messages are: what it was and when she sent it, then each
 * question in its words with her answer in hers (the option she chose, what she typed), and her
 * comments on a draft's articles.
 */
function oneSurvey(s, i) {
  const lines = [i + 1 + '. ' + s.title + (s.kindLabel ? '（' + s.kindLabel + '）' : ''), '   提交时间：' + at(s.createdAt)]
  ;(s.answered || []).forEach((q) => lines.push('   问：' + q.question, '   答：' + q.answer))
  ;(s.commented || []).forEach((c) => lines.push('   对' + c.article + '的意见：' + c.comment))
  return lines
}

function section(title, items, each) {
  return ['', '【' + title + '（' + items.length + '）】'].concat(items.length ? [].concat.apply([], items.map(each)) : ['没有'])
}

/** The whole copy as lines of text, parts in the order the 导出 card lists them. */
function myDataText(copy) {
  const reading = copy.reading || { campaignsFollowed: [], reached: [], read: [], checkIns: [] }
  const lines = ['我的信息（' + at(copy.exportedAt) + ' 导出）', ''].concat(
    account(copy.account, copy.consentHistory || []),
    section('留言', copy.cases || [], oneCase),
    section('问卷', copy.surveyAnswers || [], oneSurvey),
    section('答题', copy.quizAttempts || [], (q) => [
      '· ' +
        (q.quizTitle ? '“' + q.quizTitle + '” ' : '') +
        at(q.startedAt) +
        ' 第 ' +
        q.number +
        ' 次答题，' +
        (ATTEMPT[q.status] || q.status) +
        (q.score !== null && q.score !== undefined ? '，得分 ' + q.score + ' / ' + q.maxScore : ''),
    ]),
    section('会议', copy.meetings || [], (m) => [
      '· ' +
        m.title +
        '（' +
        at(m.startsAt) +
        '）：' +
        (RSVP[m.rsvp] || m.rsvp) +
        (m.reason ? '，原因：' + m.reason : '') +
        (m.checkedInAt ? '，' + at(m.checkedInAt) + ' 签到' : ''),
    ]),
    section('旁听报名', copy.publicMeetings || [], (r) => [
      '· ' + r.title + (r.startsAt ? '（' + at(r.startsAt) + '）' : '') + '：' + r.name + '，' + at(r.registeredAt) + ' 报名',
    ]),
    section('民生实事建议', copy.proposals || [], (p) =>
      ['· ' + p.title + '（' + p.stateText + '，' + at(p.createdAt) + '）', '  ' + p.description].concat(p.place ? ['  地点：' + p.place] : []),
    ),
    [
      '',
      '【学习】',
      '关注的学习活动：' +
        reading.campaignsFollowed.length +
        ' 个，打开过的材料：' +
        reading.reached.length +
        ' 篇，读完：' +
        reading.read.length +
        ' 篇，打卡：' +
        reading.checkIns.length +
        ' 次',
    ],
    (reading.followedTitles || []).filter(Boolean).map((t) => '  关注：' + t),
    (reading.reached || []).map(
      (r) => '  打开过：' + (r.title || '（材料已删除）') + (r.campaignTitle ? '（' + r.campaignTitle + '）' : '') + '，' + at(r.reachedAt),
    ),
    reading.checkIns.filter((c) => c.reflection).map((c) => '  心得' + (c.campaignTitle ? '（' + c.campaignTitle + '）' : '') + '：' + c.reflection),
    ['', '【微信通知】', (copy.subscriptions || []).length ? '开通了 ' + copy.subscriptions.length + ' 类通知' : '没有开通'],
  )
  return lines.join('\n')
}

module.exports = { myDataText }
