/** A deputy's workbench: binding their account, 我的待办, their cases (open and 办过的), digest preferences. */
const enc = encodeURIComponent

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
    /** 我转出的留言: those he handed on himself, newest first, read only; { items: [{ whereText, stateText, … }], nextCursor }. */
    handedOnCases: (cursor, limit) => request('GET', '/api/mp/deputy/cases/handed-on', cursor ? { limit: limit, cursor: cursor } : { limit: limit }),
    /** The resident's whole number, to call back (audited): { phone } or { phone: null }. */
    casePhone: (caseId) => request('GET', '/api/mp/deputy/cases/' + enc(caseId) + '/phone'),
    acknowledge: (caseId, note) => act(caseId, 'acknowledge', note ? { note: note } : {}),
    reply: (caseId, text) => act(caseId, 'reply', { text: text }),
    forward: (caseId, department, note) => act(caseId, 'forward', note ? { department: department, note: note } : { department: department }),
    /**
     * 转给谁, as the backend's transfer rule allows it: { choices }, handing it back to the station
     * first ({ kind, deputyCode: null, name }), then colleagues ({ deputyCode, name, levelLabel, stationName }).
     */
    transferOptions: (caseId) => request('GET', '/api/mp/deputy/cases/' + enc(caseId) + '/transfer-options'),
    transfer: (caseId, reason, deputyCode) => act(caseId, 'transfer', deputyCode ? { reason: reason, deputyCode: deputyCode } : { reason: reason }),
    /**
     * Whether he will be told of new messages: { templateIds (≤3, to ask WeChat for at his tap),
     * app: { longTerm, left }, bot }.
     */
    notices: () => request('GET', '/api/mp/deputy/notices'),
    /** His chat's one-time words ("绑定 123456"), to send to the bot: { code, expiresAt, words, minutes }. */
    chatCode: () => request('POST', '/api/mp/deputy/notices/chat-code'),
    /**
     * 暂停接收留言, his own: { away: { from, until, reason, note, now, bySelf, text, askStation } | null, today, reasons: [{ value, label }] }.
     * setAway({ from, until, reason, note? }) sets or changes it, endAway() ends it; each answers the same.
     */
    away: () => request('GET', '/api/mp/deputy/away'),
    setAway: (mark) => request('PUT', '/api/mp/deputy/away', mark),
    endAway: () => request('DELETE', '/api/mp/deputy/away'),
    digestPreferences: () => request('GET', '/api/mp/deputy/digest-preferences'),
    saveDigestPreferences: (prefs) => request('PUT', '/api/mp/deputy/digest-preferences', prefs),
  }
}

module.exports = { deputyService }
