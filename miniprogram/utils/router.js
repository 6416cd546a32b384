/**
 * Where an arrival lands. The home page gets every scanned code and every notification
 * that opens the template's default page; this decides the page and its id:
 *  - scenes: d= (deputy) and s= (station) stay on the home page, which shows the card;
 *    m= (a meeting's check-in code) and v= (a survey's poster) open their pages;
 *  - notifications: caseId=, meetingId=, surveyId=, quizId=, itemId=, suggestionId=, day= (a deputy's digest).
 * The same pages are named in the backend's config (wechat.pages), so a card opens the
 * page directly; ids may arrive URL-encoded and are passed on as they are.
 */
const { parseLaunchQuery } = require('./scene')

const ID = /^[A-Za-z0-9_%.-]{1,80}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

const BY_ID = [
  ['caseId', '/pages/case/detail?caseId='],
  ['meetingId', '/pages/meetings/detail?meetingId='],
  ['surveyId', '/pages/survey/answer?surveyId='],
  ['quizId', '/pages/quiz/take?quizId='],
  ['itemId', '/pages/study/item?itemId='],
  ['suggestionId', '/pages/suggestion/detail?suggestionId='],
]

/**
 * Returns { url } for a page to open, or { deputyCode, stationCode } for the home page's
 * card, or {} when the person simply opened the mini-program.
 */
function arrival(query) {
  query = query || {}
  for (let i = 0; i < BY_ID.length; i++) {
    const value = query[BY_ID[i][0]]
    if (value && ID.test(String(value))) return { url: BY_ID[i][1] + value }
  }
  if (query.day && DAY.test(String(query.day))) return { url: '/pages/deputy/index?day=' + query.day }
  const scene = parseLaunchQuery(query)
  if (scene.meetingCode) return { url: '/pages/meetings/checkin?code=' + scene.meetingCode }
  if (scene.surveyCode) return { url: '/pages/survey/answer?code=' + scene.surveyCode }
  if (scene.deputyCode) return { deputyCode: scene.deputyCode }
  if (scene.stationCode) return { stationCode: scene.stationCode }
  return {}
}

module.exports = { arrival }
