/** Knowledge quizzes (知识竞赛): open ones, a fresh paper, submitting, the leaderboard. */
const enc = encodeURIComponent

function quizzesService(request) {
  return {
    list: () => request('GET', '/api/mp/quizzes'),
    start: (quizId) => request('POST', '/api/mp/quizzes/' + enc(quizId) + '/attempts', {}),
    attempt: (attemptId) => request('GET', '/api/mp/quiz-attempts/' + enc(attemptId)),
    /** answers: [{ questionId, choices: ['A', 'C'] }] */
    submit: (attemptId, answers) => request('POST', '/api/mp/quiz-attempts/' + enc(attemptId) + '/submit', { answers: answers }),
    leaderboard: (quizId, by) => request('GET', '/api/mp/quizzes/' + enc(quizId) + '/leaderboard?by=' + enc(by || 'person')),
  }
}

module.exports = { quizzesService }
