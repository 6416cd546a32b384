/** 民生实事项目: the public list, proposing in the collection window, one's proposals, and a deputy's year-end rating. */
const enc = encodeURIComponent

function livelihoodService(request) {
  return {
    /** Anyone, no login: the year's projects with progress, and the deputies' ratings once published. */
    projects: () => request('GET', '/api/public/livelihood-projects', {}, { auth: false }),
    /** Every office's cycles and the 征集须知 the person agrees to before proposing. */
    cycles: () => request('GET', '/api/mp/livelihood/cycles'),
    /** idempotencyKey: the same on every resend of one proposal, so it is never recorded twice. */
    propose: (cycleId, proposal, idempotencyKey) =>
      request('POST', '/api/mp/livelihood/cycles/' + enc(cycleId) + '/proposals', proposal, { idempotencyKey: idempotencyKey }),
    mine: () => request('GET', '/api/mp/livelihood/proposals'),
    /** A photo for a proposal, sent as soon as it is chosen (as a message's): its link then goes with the proposal. */
    uploadPhoto: (filePath, onProgress) => request.upload('/api/mp/uploads', filePath, onProgress),
    /** Deputies: the projects to rate, and one rating each. */
    toRate: () => request('GET', '/api/mp/deputy/livelihood/ratings'),
    rate: (projectId, grade, comment) =>
      request('POST', '/api/mp/deputy/livelihood/projects/' + enc(projectId) + '/rating', { grade: grade, comment: comment }),
  }
}

module.exports = { livelihoodService }
