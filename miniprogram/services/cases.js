/** A resident's messages: write, follow, rate, reopen, withdraw, take back the agreement to publish. */
const enc = encodeURIComponent

function casesService(request) {
  return {
    /** idempotencyKey: the same on every retry of one submission, so it is never made twice. */
    submit: (draft, idempotencyKey) => request('POST', '/api/mp/cases', draft, { idempotencyKey: idempotencyKey }),
    uploadPhoto: (filePath, onProgress) => request.upload('/api/mp/uploads', filePath, onProgress),
    mine: (cursor) => request('GET', '/api/mp/cases', cursor ? { cursor: cursor } : undefined),
    detail: (caseId) => request('GET', '/api/mp/cases/' + enc(caseId)),
    rate: (caseId, rating, comment) => request('POST', '/api/mp/cases/' + enc(caseId) + '/rate', { rating: rating, comment: comment || null }),
    reopen: (caseId, reason) => request('POST', '/api/mp/cases/' + enc(caseId) + '/reopen', { reason: reason }),
    withdraw: (caseId, reason) => request('POST', '/api/mp/cases/' + enc(caseId) + '/withdraw', reason ? { reason: reason } : {}),
    /** Takes back the agreement to 公开选登: answers { publicConsent: false, unpublished, message }. */
    withdrawPublicConsent: (caseId) => request('DELETE', '/api/mp/cases/' + enc(caseId) + '/public-consent'),
  }
}

module.exports = { casesService }
