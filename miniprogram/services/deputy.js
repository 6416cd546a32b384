/** A deputy's workbench: binding their account, 我的待办, their cases (open and 办过的), digest preferences. */
const { directoryService } = require('./directory')

const enc = encodeURIComponent

/**
 * The deputies a message may be handed to by name: those of the deputy's own station that holds
 * the message (else of all his stations), himself left out. The backend keeps no list of a
 * deputy's colleagues, so this reads the public station cards (deputies in office, by code).
 */
function colleagues(request, stationName) {
  const directory = directoryService(request)
  return request('GET', '/api/mp/me').then((me) => {
    if (!me.deputy) return []
    return directory.deputyCard(me.deputy.code).then((card) => {
      const here = card.stations.filter((s) => s.name === stationName)
      const stations = here.length ? here : card.stations
      return Promise.all(stations.map((s) => directory.stationCard(s.code))).then((pages) => {
        const seen = {}
        const list = []
        pages.forEach((station) =>
          station.deputies.forEach((d) => {
            if (d.code === me.deputy.code || seen[d.code]) return
            seen[d.code] = true
            list.push({ code: d.code, name: d.name, levelLabel: d.levelLabel, station: stations.length > 1 ? station.name : '' })
          }),
        )
        return list
      })
    })
  })
}

function deputyService(request) {
  const act = (caseId, action, body) => request('POST', '/api/mp/deputy/cases/' + enc(caseId) + '/' + action, body)
  return {
    me: () => request('GET', '/api/mp/me'),
    /** bindCode: the 6 digits staff read out from the console. */
    bind: (bindCode) => request('POST', '/api/mp/bind', { bindCode: String(bindCode).trim() }),
    tasks: () => request('GET', '/api/mp/tasks'),
    caseDetail: (caseId) => request('GET', '/api/mp/deputy/cases/' + enc(caseId)),
    /** 我办过的留言: answered or closed, newest first; { items, nextCursor }. */
    handledCases: (cursor, limit) =>
      request('GET', '/api/mp/deputy/cases', cursor ? { status: 'done', limit: limit, cursor: cursor } : { status: 'done', limit: limit }),
    /** The resident's whole number, to call back (audited): { phone } or { phone: null }. */
    casePhone: (caseId) => request('GET', '/api/mp/deputy/cases/' + enc(caseId) + '/phone'),
    acknowledge: (caseId, note) => act(caseId, 'acknowledge', note ? { note: note } : {}),
    reply: (caseId, text) => act(caseId, 'reply', { text: text }),
    forward: (caseId, department, note) => act(caseId, 'forward', note ? { department: department, note: note } : { department: department }),
    /** Colleagues to hand a message to, by name: [{ code, name, levelLabel, station }]. */
    colleagues: (stationName) => colleagues(request, stationName),
    transfer: (caseId, reason, deputyCode) => act(caseId, 'transfer', deputyCode ? { reason: reason, deputyCode: deputyCode } : { reason: reason }),
    digestPreferences: () => request('GET', '/api/mp/deputy/digest-preferences'),
    saveDigestPreferences: (prefs) => request('PUT', '/api/mp/deputy/digest-preferences', prefs),
  }
}

module.exports = { deputyService }
