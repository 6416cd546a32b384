/** Study campaigns (学习宣传): campaigns, reading items (opening one is the read receipt), 学习打卡. */
const enc = encodeURIComponent

function studyService(request) {
  return {
    campaigns: () => request('GET', '/api/mp/campaigns'),
    /** 本月学习: this month's issues of monthly campaigns, the city's first, each saying where it comes from. */
    thisMonth: () => request('GET', '/api/mp/study/this-month'),
    campaign: (campaignId) => request('GET', '/api/mp/campaigns/' + enc(campaignId)),
    follow: (campaignId) => request('POST', '/api/mp/campaigns/' + enc(campaignId) + '/follow', {}),
    /** 不再关注: her own follow ends; what reached her stays. Answers the campaign as she now sees it. */
    unfollow: (campaignId) => request('DELETE', '/api/mp/campaigns/' + enc(campaignId) + '/follow'),
    /** Opening the item records that it was read. */
    item: (itemId) => request('GET', '/api/mp/reading/' + enc(itemId)),
    checkIn: (campaignId, itemId, reflection) =>
      request('POST', '/api/mp/campaigns/' + enc(campaignId) + '/check-ins', { itemId: itemId || null, reflection: reflection || null }),
  }
}

module.exports = { studyService }
