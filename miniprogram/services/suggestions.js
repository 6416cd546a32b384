/** A deputy's formal suggestions (代表建议): write, invite co-signers, co-sign, submit, rate the answer. */
const enc = encodeURIComponent

function suggestionsService(request) {
  const base = '/api/mp/deputy/suggestions'
  const one = (id) => base + '/' + enc(id)
  return {
    /** box: 'mine' (mine and co-signed) or 'cosign' (others' open for co-signing). */
    list: (box, cursor) => request('GET', base, cursor ? { box: box, cursor: cursor } : { box: box }),
    detail: (id) => request('GET', one(id)),
    /** draft: { title, body, attachmentIds, caseIds }; idempotencyKey the same on every retry. */
    create: (draft, idempotencyKey) => request('POST', base, draft, { idempotencyKey: idempotencyKey }),
    edit: (id, fields) => request('PATCH', one(id), fields),
    /** deputyIds: whom he chose by name (cosignerChoices); none or empty, the other deputies of his stations. */
    inviteCosigners: (id, days, deputyIds) => {
      const body = days ? { days: days } : {}
      if (deputyIds && deputyIds.length) body.deputyIds = deputyIds
      return request('POST', one(id) + '/cosign-invitation', body)
    },
    /**
     * Whom he may ask to co-sign, for 邀请附议's picker: { items: [{ deputyId, name, levelLabel, stationName }] };
     * words of a name, or none for his stations' colleagues.
     */
    cosignerChoices: (id, words) => request('GET', one(id) + '/cosigner-choices', words ? { q: words } : undefined),
    cosign: (id) => request('POST', one(id) + '/cosign'),
    withdrawCosign: (id) => request('DELETE', one(id) + '/cosign'),
    /** 不附议: a deputy asked by name says no (the lead deputy is told). */
    declineCosign: (id) => request('POST', one(id) + '/cosign-decline'),
    submit: (id) => request('POST', one(id) + '/submit'),
    rate: (id, score, comment) => request('POST', one(id) + '/rating', comment ? { score: score, comment: comment } : { score: score }),
    /** The deputy's own cases, to build a suggestion on. */
    myCases: () => request('GET', '/api/mp/deputy/cases', { limit: 50 }),
    uploadPhoto: (filePath, onProgress) => request.upload('/api/mp/uploads', filePath, onProgress),
  }
}

module.exports = { suggestionsService }
