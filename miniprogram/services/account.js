/** The person behind the phone: profile, phone number, subscriptions, privacy and their data. */
function accountService(request) {
  return {
    me: () => request('GET', '/api/mp/me'),
    /**
     * Signs in only one who already has an account (never makes one: reading needs none):
     * their profile, or null. For pages anyone may read, such as the home page.
     */
    recognise: () => request.recognise(),
    /** code: from <button open-type="getPhoneNumber">, exchanged by the backend with WeChat. */
    addPhone: (code) => request('POST', '/api/mp/phone', { code: code }),
    /** Her one-time code for joining her WeChat chat: { code, words ("绑定 12345678"), minutes, expiresAt }. */
    chatCode: () => request('POST', '/api/mp/me/chat-code'),
    /** 是我的，放到这里: the chat that sent her code (request `id`, from me().chatJoin.pending) joins: { cases, message }. */
    confirmChatJoin: (id) => request('POST', '/api/mp/me/chat-join/' + id + '/confirm'),
    /** 不是我的: that chat joins nothing: { message }. */
    refuseChatJoin: (id) => request('POST', '/api/mp/me/chat-join/' + id + '/refuse'),
    /** 解除: the joined chat no longer goes on as this account; what came from it goes back to it: { cases, message }. */
    unjoinChat: () => request('DELETE', '/api/mp/me/chat-join'),
    /** results: wx.requestSubscribeMessage's answer, templateId → accept | reject … */
    recordSubscriptions: (results) => request('POST', '/api/mp/subscriptions', { results: results }),
    privacyNotice: () => request('GET', '/api/mp/privacy', undefined, { auth: false }),
    consent: (version) => request('POST', '/api/mp/consent', { version: version }),
    withdrawConsent: () => request('DELETE', '/api/mp/consent'),
    exportData: () => request('GET', '/api/mp/me/export'),
    /** What 我的信息 shows as it opens: { facts, phones (each with canChange and a note), stations }. */
    dataOverview: () => request('GET', '/api/mp/me/kept'),
    deleteData: () => request('DELETE', '/api/mp/me'),
    /** phone: the number to keep instead, or null to remove it (PIPL art. 46). */
    correctPhone: (phone) => request('PUT', '/api/mp/me/phone', { phone: phone }),
    correctCasePhone: (caseId, phone) => request('PUT', '/api/mp/me/cases/' + caseId + '/phone', { phone: phone }),
  }
}

module.exports = { accountService }
