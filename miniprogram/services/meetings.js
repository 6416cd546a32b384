/** Meetings for deputies (answer, check in) and public seats (公民旁听) for residents. */
const enc = encodeURIComponent

function meetingsService(request) {
  return {
    list: () => request('GET', '/api/mp/meetings'),
    detail: (meetingId) => request('GET', '/api/mp/meetings/' + enc(meetingId)),
    attend: (meetingId) => request('POST', '/api/mp/meetings/' + enc(meetingId) + '/rsvp', { response: 'attend' }),
    leave: (meetingId, reason) => request('POST', '/api/mp/meetings/' + enc(meetingId) + '/rsvp', { response: 'leave', reason: reason }),
    /** code: the check-in code the meeting's QR code carries (scene m=). */
    checkInByCode: (code) => request('POST', '/api/mp/meetings/' + enc(code) + '/check-in', {}),
    /** Who is asking: a deputy also sees the meetings they are invited to. */
    me: () => request('GET', '/api/mp/me'),
    publicMeetings: () => request('GET', '/api/mp/public-meetings'),
    publicMeeting: (meetingId) => request('GET', '/api/mp/public-meetings/' + enc(meetingId)),
    /** The public seats the resident took, with each meeting's state (已取消 too). */
    myRegistrations: () => request('GET', '/api/mp/public-registrations'),
    registerPublic: (meetingId, name) => request('POST', '/api/mp/public-meetings/' + enc(meetingId) + '/registrations', { name: name }),
    /** 不去了: gives back her own seat; the meeting as she now reads it (registration null). */
    cancelPublic: (meetingId) => request('DELETE', '/api/mp/public-meetings/' + enc(meetingId) + '/registration'),
  }
}

module.exports = { meetingsService }
