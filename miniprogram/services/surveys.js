/** Questionnaires, consultations (征求意见) and ballots (票决): open one by id or poster code, answer once. */
const enc = encodeURIComponent

function surveysService(request) {
  return {
    /** ref: the survey's id, or the 8-character code of its poster (scene v=). */
    open: (ref) => request('GET', '/api/mp/surveys/' + enc(ref)),
    /**
     * comments: [{ articleId, text }] for a consultation. idempotencyKey: the same on every resend of one set
     * of answers, so a vote whose answer was lost on the way is counted once and answered as it was the first time.
     */
    respond: (ref, answers, comments, via, idempotencyKey) =>
      request(
        'POST',
        '/api/mp/surveys/' + enc(ref) + '/responses' + (via ? '?via=' + enc(via) : ''),
        { answers: answers, comments: comments || [] },
        { idempotencyKey: idempotencyKey },
      ),
    /** Her opinions on a consultation with what became of each (outcomeText), and whether the 采纳情况 is published. */
    myOpinions: (ref) => request('GET', '/api/mp/surveys/' + enc(ref) + '/my-opinions'),
    /** The published 采纳情况 of a consultation (404 before the office publishes it). */
    outcome: (ref) => request('GET', '/api/public/consultations/' + enc(ref) + '/outcome', undefined, { auth: false }),
    /** What is open to the person (surveys and ballots), from 我的待办. */
    tasks: () => request('GET', '/api/mp/tasks'),
  }
}

module.exports = { surveysService }
